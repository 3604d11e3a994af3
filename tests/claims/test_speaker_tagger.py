"""The speaker tagger next to the attribution rules.

The first tests feed hand-made mentions (the tagger's output format) to
``analyse_article`` to pin down when a mention replaces the rules' speaker.
The last ones run the shipped int8 tagger on sentences written for the test.
"""

from __future__ import annotations

import numpy as np
import pytest

from claims.analysis import TAGGER_MIN_CONFIDENCE, analyse_article, extractor_id
from claims.model.mentions import Mention, decode_span, load_mention_tagger
from claims.sentences import split_sentences


def _with(text: str, phrase: str | None, sentence: int = 0, confidence: float = 0.99):
    """Analyses of ``text`` with a tagged mention of ``phrase`` in one sentence (None: no mention)."""
    sents = split_sentences(text)
    mentions: list[Mention | None] = [None] * len(sents)
    if phrase is not None:
        s = sents[sentence].text.index(phrase)
        mentions[sentence] = Mention(s, s + len(phrase), confidence)
    return analyse_article(text, sents, mentions=mentions)


def test_no_mentions_is_the_rules_alone():
    text = 'Vintner Osla Brennagh said exports rose 12 percent. "We sold more than ever," she said.'
    sents = split_sentences(text)
    rules = analyse_article(text, sents)
    assert analyse_article(text, sents, mentions=[None] * len(sents)) == rules
    assert analyse_article(text, sents, mentions=[Mention(None, None, 0.3)] * len(sents)) == rules


def test_confident_mention_gives_a_speaker_where_the_rules_found_none():
    text = "Fewer than 40 ferries ran in March, the Tollamore Harbour Trust reckons."
    rules = analyse_article(text, split_sentences(text))[0]
    tagged = _with(text, "Tollamore Harbour Trust")[0]
    assert tagged.speaker == "Tollamore Harbour Trust"
    assert tagged.attribution == "reported"
    assert "speaker_from_tagger" in tagged.flags
    assert (tagged.speaker_start, tagged.speaker_end) == (text.index("the Tollamore"), text.index(" reckons"))
    if rules.speaker is None:  # the rules do not know "reckons"; the claim stays as written
        assert rules.attribution == "none"


def test_unsure_mention_is_ignored():
    text = "Fewer than 40 ferries ran in March, the Tollamore Harbour Trust reckons."
    rules = analyse_article(text, split_sentences(text))[0]
    unsure = _with(text, "Tollamore Harbour Trust", confidence=TAGGER_MIN_CONFIDENCE - 0.05)[0]
    assert unsure == rules


def test_mention_trims_a_role_the_rules_kept_in_the_name():
    text = "Ropemaker Idris Quenby said orders had doubled since 2024."
    tagged = _with(text, "Idris Quenby")[0]
    assert tagged.speaker == "Idris Quenby"
    assert "speaker_from_tagger" in tagged.flags or _with(text, None)[0].speaker == "Idris Quenby"


def test_pronoun_mention_resolves_through_the_people_index():
    text = ("Harbourmaster Wenna Trethowan met the council on Monday. "
            "Catches, she said, had halved since 2019.")
    a = _with(text, "she", sentence=1)[1]
    assert a.speaker == "Wenna Trethowan"


def test_same_span_as_the_rules_adds_no_flag():
    text = 'Aled Pryce said the pier would reopen in May.'
    a = _with(text, "Aled Pryce")[0]
    assert a.speaker == "Aled Pryce"
    assert "speaker_from_tagger" not in a.flags


def test_decode_span_widens_to_whole_words_but_not_a_possessive():
    sentence = "Nia Okafor-Hale's office said so."
    # tokens: Nia | Okafor | - | Hale | ' | s | office ...: B on "Nia", I on "Okafor" only.
    offsets = [(0, 0), (0, 3), (4, 10), (10, 11), (11, 15), (15, 16), (16, 17), (18, 24), (0, 0)]
    probs = np.array([[1, 0, 0], [0.05, 0.95, 0], [0.05, 0, 0.95], [0.9, 0, 0.1], [0.9, 0, 0.1],
                      [1, 0, 0], [1, 0, 0], [1, 0, 0], [1, 0, 0]], dtype=float)
    m = decode_span(sentence, offsets, probs)
    assert sentence[m.start:m.end] == "Nia Okafor-Hale"
    assert m.confidence == pytest.approx(0.95)
    none = decode_span(sentence, offsets, probs, min_prob=0.99)
    assert none.start is None and none.confidence == pytest.approx(0.95)


def test_extractor_id_names_the_tagger():
    assert extractor_id("1.0+1a2b3c4d").endswith("+speakers.1a2b3c4d")
    assert "+" not in extractor_id()


# --- the shipped tagger -------------------------------------------------------------------


@pytest.fixture(scope="module")
def tagger():
    return load_mention_tagger()


NEW_SENTENCES = [  # written for this test; the tagger never saw them
    ("Beekeeper Tamsin Rowallan said the dam had leaked for years.", "Tamsin Rowallan"),
    ("Bus journeys in Kelderby fell by a fifth last year, according to the Kelderby Transport Partnership.",
     "Kelderby Transport Partnership"),
    ("The partnership said it would publish a new timetable in June.", "partnership"),
    ('"It is the busiest spring we have had," she said.', "she"),
    ("Turnout was 61 percent, the highest since 1992.", None),
    ("Councillor Rhun Ashdale said the levy would raise £2m.", "Rhun Ashdale"),
    ("Prices at the pump rose 4 percent in May, figures from the Fuel Watch Bureau show.", "Fuel Watch Bureau"),
    ("Ostrander told reporters the bridge would reopen in 2028.", "Ostrander"),
    ("The new ward will open in March with 24 beds.", None),
    ('"We lost 40 hives in one night," said Mirela Dunca, who keeps bees near Arrow Lake.', "Mirela Dunca"),
]


def test_shipped_tagger_finds_speakers_in_new_sentences(tagger):
    found = tagger.mentions([s for s, _ in NEW_SENTENCES])
    got = [s[m.start:m.end] if m.start is not None else None for (s, _), m in zip(NEW_SENTENCES, found, strict=True)]
    misses = [(s, want, g) for (s, want), g in zip(NEW_SENTENCES, got, strict=True) if g != want]
    # The tagger is a second opinion, not an oracle: at most one miss in ten (it has missed the
    # occupation-before-name sentence in one training run and not in another).
    assert len(misses) <= 1, misses
    assert got[4] is None and got[8] is None  # sentences with no speaker get no mention


def test_shipped_tagger_is_batch_independent(tagger):
    a = "Councillor Rhun Ashdale said the levy would raise £2m."
    alone = tagger.mentions([a])[0]
    batched = tagger.mentions([a] + ["Prices rose 3 percent, the bureau said."] * 9)[0]
    assert alone == batched


def test_frame_at_the_tagged_mention_strips_what_the_patterns_missed():
    told = "Odile Brenner, 71, from Sallow, told Morning Call she had gone 30 hours without heating."
    a = _with(told, "Odile Brenner")[0]
    assert a.speaker == "Odile Brenner"
    assert a.claim == "Odile Brenner had gone 30 hours without heating"
    according = ("But according to minutes published by the Rates Committee (RC) at the same time, "
                 "four of its nine members voted against.")
    b = _with(according, "Rates Committee")[0]
    assert b.speaker == "Rates Committee"
    assert b.claim == "Four of its nine members voted against"
    where = "The mayor will visit the fair on Friday, where the union has said its members will protest."
    c = _with(where, "union")[0]
    assert c.speaker is None  # the mention sits in a clause about something else


def test_widen_takes_whole_organisation_names_and_drops_a_trailing_verb():
    from claims.analysis.tagged import widen

    s = "The Marsh Valley branch of the National Farmers' Association estimates that 40 farms will close."
    start = s.index("Marsh")
    assert s[slice(*widen(s, start, s.index(" Farmers")))] == "Marsh Valley branch of the National Farmers' Association"
    s2 = "Rents rose 9 percent, figures from the National Rents Bureau show."
    b = s2.index("National")
    assert s2[slice(*widen(s2, b, s2.index(".")))] == "National Rents Bureau"
    s3 = "A senior diplomat from one of the member states said talks had stalled."
    b = s3.index("senior")
    assert s3[slice(*widen(s3, b, s3.index(" said")))] == "senior diplomat from one of the member states"
    s4 = "Officials from UNWA in Geneva said 40 clinics had closed."
    b = s4.index("UNWA")
    assert s4[slice(*widen(s4, b, b + len("UNWA in")))] == "UNWA"


def test_tagger_does_not_take_an_appositive_over_the_rules_name():
    text = "Homes First, the consumer group, said its research showed bills rose 11 percent."
    a = _with(text, "consumer group")[0]
    assert a.speaker == "Homes First"


def test_a_mention_inside_the_quote_is_never_the_speaker():
    text = ('Odran Vell leads the opposition. "She told this city the scheme would cost £14 million," '
            "Vell said.")
    a = _with(text, "She", sentence=1)[1]
    assert a.speaker == "Odran Vell"


def test_worth_tagging_only_where_speech_could_be():
    from claims.analysis.tagged import worth_tagging

    assert worth_tagging("The ministry rejected that, saying 40 shells had landed.")
    assert worth_tagging('"We are full," Ines Varro said.')
    assert worth_tagging("Prices rose 4 percent, according to the bureau.")
    assert not worth_tagging("The new ward will open in March with 24 beds.")


def test_pipeline_tags_only_worthy_sentences_and_names_the_tagger(tagger):
    from datetime import UTC, datetime

    from claims.extract import extract_batch
    from claims.records import Article
    from claims.scoring import load_scorer

    text = ("Ferry fares rose 12 percent in 2025. Fares will rise 3 percent next year, "
            "Sprinter Kaisa Orlund said.")
    art = Article(article_id="a1", url=None, title="t", text=text, source="s", author=None,
                  published=datetime(2026, 5, 1, tzinfo=UTC), origin="test")
    scorer = load_scorer()  # the shipped model; threshold 0 keeps every sentence
    with_tagger = extract_batch([art], scorer, tagger=tagger, threshold=0.0).claims
    rules = extract_batch([art], scorer, threshold=0.0).claims
    assert with_tagger[0].extractor.endswith("+speakers." + tagger.version.rsplit("+", 1)[-1])
    assert "+" not in rules[0].extractor.split("@", 1)[1]
    assert [c.analysis.speaker for c in with_tagger] == [None, "Kaisa Orlund"]


def test_saying_and_figures_show_frames_at_the_tagged_mention():
    saying = ("In Velmar, the trade minister, Ines Aldaba, rejected the accusation, saying the deal "
              "covered only direct grants.")
    a = _with(saying, "Ines Aldaba")[0]
    assert a.speaker == "Ines Aldaba"
    assert a.claim == "The deal covered only direct grants"
    shows = ("Cocoa imports fell 9 percent in 2026, figures from the Cocoa Traders' Guild show, "
             "the steepest fall since 1998.")
    b = _with(shows, "Cocoa Traders' Guild")[0]
    assert b.speaker == "Cocoa Traders' Guild"
    assert b.claim == "Cocoa imports fell 9 percent in 2026, the steepest fall since 1998"
