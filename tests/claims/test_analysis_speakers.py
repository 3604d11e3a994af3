"""Speakers, organisations, scare quotes and date direction: patterns the third blind set exposed.

Every sentence here is written for the test (new names, new places), so a rule
that only memorised the blind articles fails.
"""

from __future__ import annotations

from datetime import UTC, datetime

from claims.analysis import analyse_article
from claims.analysis.claim_types import classify
from claims.analysis.dates import rewrite_dates
from claims.sentences import split_sentences

PUBLISHED = datetime(2026, 7, 24, 9, 0, tzinfo=UTC)  # a Friday


def _analyse(text: str, published: datetime | None = None):
    return analyse_article(text, split_sentences(text), published=published)


def _types(claim: str) -> list[str]:
    return classify(claim, claim, [], frame_kind="none")[0]


def test_titles_and_role_nouns_are_not_part_of_the_name():
    a = _analyse("Detective Superintendent Maris Quell said three arrests had been made.")[0]
    assert a.speaker == "Maris Quell"
    assert a.speaker_role == "Detective Superintendent"
    b = _analyse("Historian Dr. Ilse Marchetti of Dunvale College said the bridge opened in 1911.")[0]
    assert b.speaker == "Ilse Marchetti"
    # An unknown title word before a known first name is dropped too.
    c = _analyse("Ombudsperson Sarah Tillet said 41 complaints were upheld.")[0]
    assert c.speaker == "Sarah Tillet"


def test_organisation_names_stay_whole_and_do_not_become_people():
    text = ("The Bus Drivers' Guild (BDG) said on Monday that fares had risen twice this year. "
            "Drivers earn less than they did in 2019, the guild said.")
    a, b = _analyse(text)
    assert a.speaker == "Bus Drivers' Guild"
    assert b.claim.startswith("Drivers earn less")
    text = ("Kelvara Water said it would invest £80 million. "
            "Leaks fell by 9 percent, according to the Office of Water Statistics.")
    _, d = _analyse(text)
    assert d.speaker == "Office of Water Statistics"


def test_according_to_figures_published_by_a_source_on_a_day():
    text = "Thefts fell 8 percent in the year to May, according to figures published by the Home Office on Tuesday."
    a = _analyse(text, PUBLISHED)[0]
    assert a.attribution == "reported"
    assert a.speaker == "Home Office"
    assert a.claim == "Thefts fell 8 percent in the year to May 2026"


def test_scare_quote_then_and_said_is_reported_speech_of_the_subject():
    text = ('Union organiser Pavel Dunmore called the offer "an insult" and said wages had fallen by '
            "6 percent since 2020.")
    a = _analyse(text)[0]
    assert a.speaker == "Pavel Dunmore"
    assert a.attribution == "reported"
    assert a.claim == "Wages had fallen by 6 percent since 2020"


def test_pronoun_in_reported_speech_binds_to_the_speaker():
    text = ("Chief executive Ingrid Solberg said profits were flat. "
            "Analyst Maria Kova of Northgate Capital said the shares were cheap. "
            "The chief executive said she expected sales to recover next year.")
    c = _analyse(text, PUBLISHED)[2]
    assert c.speaker == "Ingrid Solberg"
    assert c.claim == "Ingrid Solberg expected sales to recover in 2027"


def test_since_is_past_and_a_participle_dates_its_own_clause():
    assert rewrite_dates("We have planted 900 trees since January", PUBLISHED) == (
        "We have planted 900 trees since January 2026")
    assert rewrite_dates("The council will close the pool under a plan approved by councillors on Monday",
                         PUBLISHED) == "The council will close the pool under a plan approved by councillors on 20 July 2026"
    assert rewrite_dates("The pool will close on Monday", PUBLISHED) == "The pool will close on 27 July 2026"


def test_type_cues_for_inflation_times_and_change_to_a_level():
    assert "comparison" in _types("Nurses have had two pay rises in five years, both below inflation")
    assert "comparison" in _types("Exports would need to reach 9,000 tonnes a month, three times the current level")
    assert "comparison" in _types("Burglaries jumped by almost a third to 840 cases")
    assert "rule" in _types("Tenants would be entitled to compensation for any missed repair")
    assert "rule" in _types("New flats built after 2028 will have to be fitted with solar panels")
    assert "historical" in _types("Negotiations collapsed on 14 March after six hours")
    assert _types("The council was punishing families who could least afford it") == ["opinion"]


def test_appositives_age_and_publisher_frames():
    a = _analyse("Tomasz Brill, 61, said he had waited 11 months for a new hip.")[0]
    assert a.speaker == "Tomasz Brill"
    assert a.claim == "Tomasz Brill had waited 11 months for a new hip"
    b = _analyse("The survey, published by the Centre for Rural Affairs on Monday, found that 30 percent of "
                 "villages had lost their bus service.", PUBLISHED)[0]
    assert b.speaker == "Centre for Rural Affairs"
    assert b.claim == "30 percent of villages had lost their bus service"
    c = _analyse("The figures, released by the Office for Road Safety, show that deaths fell to 412.")[0]
    assert c.speaker == "Office for Road Safety"
    assert c.claim == "Deaths fell to 412"
    d = _analyse("According to Dr. Nuala Breen, an economist at Farrow University, rents rose by a third.")[0]
    assert d.speaker == "Nuala Breen"
    assert d.claim == "Rents rose by a third"


def test_an_organisation_speaking_about_itself_and_titles_with_modifiers():
    a = _analyse("In a statement, the water company said it had fixed 3,000 leaks.")[0]
    assert a.claim == "The water company had fixed 3,000 leaks"
    b = _analyse("The regulator said its inspectors had visited 40 sites.")[0]
    assert b.claim == "Its inspectors had visited 40 sites"
    text = ("The union's general secretary, Ruth Kaye, said 40 percent of staff were leaving. "
            "The transport secretary rejected that, saying pay had risen 4 percent.")
    c = _analyse(text)[1]
    assert c.speaker != "Ruth Kaye"
    assert c.speaker == "transport secretary"


def test_colon_after_a_persons_clause_introduces_their_quote():
    text = ('Farmer Ewa Lindqvist has kept sheep here for 20 years. '
            'Lindqvist was blunt: "Half the flock died in the storm."')
    b = _analyse(text)[1]
    assert b.speaker == "Ewa Lindqvist"
    assert b.attribution == "quote"
    assert b.claim == "Half the flock died in the storm"
    c = _analyse('The board\'s chair, Dr. Hugo Lemaire, said: "Costs rose 9 percent."')[0]
    assert c.speaker == "Hugo Lemaire"
    assert c.attribution == "quote"


def test_telling_frame_and_the_chancellor_is_not_the_shadow_chancellor():
    text = ("Chancellor Mirela Voss defended her budget in a long and bad-tempered session on Tuesday, "
            "telling MPs that the plan would cut borrowing by £4 billion. "
            "Shadow chancellor Brendan Kell said the sums were wrong. "
            "Responding, the chancellor said borrowing had fallen every year since 2022.")
    a, _, c = _analyse(text)
    assert a.speaker == "Mirela Voss"
    assert a.claim == "The plan would cut borrowing by £4 billion"
    assert c.speaker == "Mirela Voss"


def test_document_sources_with_numbers_dates_and_role_appositives():
    a = _analyse("A poll of 2,100 voters by the Civic Trust found that 40 percent backed the plan.")[0]
    assert a.speaker == "Civic Trust"
    b = _analyse("Fares will rise 6 percent, according to a report published on Monday by the Transit Council.")[0]
    assert b.speaker == "Transit Council"
    c = _analyse("Professor Anselm Ruiz, dean of medicine at Holm University, said 300 places were unfilled.")[0]
    assert c.speaker == "Anselm Ruiz"


def test_feature_subjects_and_unattributed_quote_paragraphs():
    text = ("Teodora Blanc keeps her late husband's tools in the shed.\n\n"
            "\"I have not opened that door since 2019,\" she says.\n\n"
            "Round the corner, Yusuf Adebayo runs a bakery that opened in 1987.\n\n"
            "\"We sell 400 loaves a day. That is half what we sold ten years ago.\"")
    res = _analyse(text)
    assert res[1].speaker == "Teodora Blanc"
    assert res[3].speaker == "Yusuf Adebayo" and "inferred_speaker" in res[3].flags
    assert res[4].speaker == "Yusuf Adebayo"


def test_today_as_now_generic_months_and_plural_speakers():
    a = _analyse("Her bus fare has gone from £1 in 2010 to £3.20 today.", PUBLISHED)[0]
    assert a.claim.endswith("to £3.20 today")
    b = _analyse('"I have never known frost in June," he said.', PUBLISHED)[0]
    assert b.claim == "I have never known frost in June"
    text = "The new levy starts in April. Taxi firms say it will push fares up."
    assert _analyse(text)[1].claim == "It will push fares up"
    assert _analyse('"Now most of the shops are empty," she said.')[0].claim == "Now most of the shops are empty"


def test_type_cues_from_the_fourth_blind_set():
    assert "comparison" in _types("The city spends 2 percent of its budget on parks, below the regional average")
    assert "comparison" in _types("Prices are 12 percent above the five-year average")
    assert "comparison" in _types("Visitor numbers fell 9 percent last year to 41,000")
    assert "comparison" in _types("The club expects to pay 20 percent more for energy")
    assert "comparison" in _types("The region had its driest winter since 1976")
    assert "comparison" in _types("Coastal towns are the most exposed")
    assert "causal" in _types("The closure will lead hundreds of families to move away")
    assert _types("The system is broken and no amount of money will fix it") == ["opinion"]


def test_titles_inside_a_capitalised_run_and_council_titles():
    a = _analyse('"We will respond," Trade Minister Idris Mallory told reporters.')[0]
    assert a.speaker == "Idris Mallory"
    assert a.speaker_role == "Trade Minister"
    b = _analyse('Cllr Fenna Roos, the council leader, said: "Our grant fell by a third."')[0]
    assert b.speaker == "Fenna Roos"
    c = _analyse("Hotel owner John Baker said bookings were down 20 percent.")[0]
    assert c.speaker == "John Baker"


def test_figures_at_the_end_parenthetical_says_and_verbs_with_objects():
    a = _analyse("Otter sightings rose by 40 percent between 2015 and 2025, figures from the Department for "
                 "Water and Coastal Affairs (DWCA) show.")[0]
    assert a.speaker == "Department for Water and Coastal Affairs"
    assert a.claim == "Otter sightings rose by 40 percent between 2015 and 2025"
    text = ("Ilona Varga runs a bakery school in Pellow. "
            "Of the students who finish the course, 80 percent find work, she says, compared with 50 percent nationally.")
    b = _analyse(text)[1]
    assert b.speaker == "Ilona Varga"
    assert b.claim == "Of the students who finish the course, 80 percent find work, compared with 50 percent nationally"
    c = _analyse("Varga replies that two thirds of her students are over 40.")[0]
    assert c.attribution == "reported" and c.claim.startswith("Two thirds of her students")
    d = _analyse("The treasurer, Anton Lisle, warned councillors that reserves would run out by 2028.")[0]
    assert d.speaker == "Anton Lisle" and d.claim == "Reserves would run out by 2028"


def test_places_projects_and_organisations_are_not_people():
    text = ("Councillor Petra Holm said £2 million had been spent on the abandoned Kelby Wharf scheme. "
            '"Nobody asked residents," she said. '
            "Arlo Quist runs Open Door, a charity for rough sleepers. "
            "A councillor, Simon Fenwick, says the figures flatter Open Door. "
            '"They choose who they help," he says.')
    res = _analyse(text)
    assert res[1].speaker == "Petra Holm"
    assert res[4].speaker == "Simon Fenwick"
    e = _analyse("Pensioner Ada Crowe, 81, who spoke at the meeting, said her bill had doubled.")[0]
    assert e.speaker == "Ada Crowe"


def test_type_cues_from_the_fifth_blind_set():
    assert "comparison" in _types("This is the hardest winter I have had to plan for in 20 years")
    assert "comparison" in _types("Spending rose to £9.1 million from £2.4 million in 2020")
    assert "comparison" in _types("Reserves will fall to £4 million, below the minimum of £6 million")
    assert "comparison" in _types("Attendance reached 61 percent, against 48 percent a year earlier")
    assert "causal" in _types("Two depots will close, saving £300,000 a year")
    assert "prediction" not in _types("The owners had no plans to sell the club")
    assert "comparison" not in _types("Under the new rules, clubs can spend no more than 70 percent of revenue on wages")
    assert "opinion" in _types("Families cannot keep paying for this on the backs of their children")


def test_wire_frames_spokespeople_and_organisations_speaking():
    a = _analyse("Ministers from six Danube states agreed on Friday to cut river tolls, officials said.", PUBLISHED)[0]
    assert a.speaker == "officials"
    assert a.claim == "Ministers from six Danube states agreed on 24 July 2026 to cut river tolls"
    b = _analyse("A senior diplomat, speaking on condition of anonymity, said the talks had stalled.")[0]
    assert b.speaker == "senior diplomat" and b.claim == "The talks had stalled"
    text = ("A spokeswoman for the Ostmark interior ministry said 300 officers would be deployed. "
            "The spokeswoman said the border would stay open. The ministry said it had hired 40 guards.")
    c, c2, c3 = _analyse(text)
    assert c.speaker == "spokeswoman for the Ostmark interior ministry"
    assert c2.speaker == "spokeswoman for the Ostmark interior ministry"  # the same unnamed person
    assert c3.speaker == "ministry"  # an institution stays as written
    d = _analyse("The Consumer Rights Agency (CRA) said it had received 4,000 complaints.")[0]
    assert d.claim == "The Consumer Rights Agency had received 4,000 complaints"
    e = _analyse("Port director Selma Ruud told reporters the terminal had handled 2 million containers.")[0]
    assert e.speaker == "Selma Ruud" and e.claim == "The terminal had handled 2 million containers"


def test_end_frames_with_appositives_descriptors_and_places():
    text = ("Farmers now wait 14 weeks for a payment, compared with six weeks in 2021, said Ama Boateng, "
            "the union's head of policy. "
            '"I have met growers who sold their tractors to pay the rent," she said.')
    a, b = _analyse(text)
    assert a.speaker == "Ama Boateng" and b.speaker == "Ama Boateng"
    assert a.claim == "Farmers now wait 14 weeks for a payment, compared with six weeks in 2021"
    c = _analyse("Online retailer Parcelly said it had refunded 9,000 customers.")[0]
    assert c.speaker == "Parcelly" and c.claim == "Parcelly had refunded 9,000 customers"
    text = ('Retired teacher Owen Pryce, 79, said he fell at his home in Larch Green on 3 March. '
            '"Nobody came for six hours," he said.')
    assert _analyse(text)[1].speaker == "Owen Pryce"
    d = _analyse("Geologist Dr. Maren Holt of the Northern Survey Institute said the cliff would collapse within a decade.")[0]
    assert d.speaker == "Maren Holt"
    e = _analyse("Dairy cooperatives in Ostvale and Brenmark welcomed the decision, saying prices had fallen 8 percent.")[0]
    assert e.speaker == "Dairy cooperatives in Ostvale and Brenmark"


def test_type_cues_from_the_sixth_blind_set():
    assert "comparison" in _types("Housing costs had fallen to £2.1 million a day, from £3.4 million a day in 2024")
    assert "comparison" in _types("Across the region, 64 percent of calls were answered, against a target of 90 percent")
    assert "rule" in _types("Under the Safe Harbours Code, no vessel may anchor for more than 48 hours")
    assert "rule" in _types("The treaty must then be ratified by each parliament")
    assert "causal" in _types("Staff shortages meant that 80 beds stood empty")
    assert "causal" in _types("Dredging would destroy the oyster beds")
    assert "historical" in _types("Hackers got into the payroll system on 4 March")
    assert "prediction" not in _types("Nobody could tell me where my son was")
    assert _types("A waiting room is no place to care for dying patients") == ["opinion"]


def test_seventh_blind_set_frames_and_organisations():
    a = _analyse("Orvel Dynamics, which employs 2,400 people at its yard in Cobham, said it expected to launch two ships.")[0]
    assert a.speaker == "Orvel Dynamics" and a.claim == "Orvel Dynamics expected to launch two ships"
    b = _analyse("Fenwick's, the region's third-largest bakery chain, said it had closed 12 shops.")[0]
    assert b.speaker == "Fenwick's" and b.claim == "Fenwick's had closed 12 shops"
    c = _analyse("Cargo volumes would double by 2035, up from 2 million tonnes in 2025, port director Elin Vasquez told "
                 "a select committee on Monday.", PUBLISHED)[0]
    assert c.speaker == "Elin Vasquez"
    assert c.claim == "Cargo volumes would double by 2035, up from 2 million tonnes in 2025"
    d = _analyse("Dilys Mawr, 72, chair of the tenants' group Save Ferry Row, said rents had doubled.")[0]
    assert d.speaker == "Dilys Mawr"
    e = _analyse("The campaign group Quiet Skies Alliance said the plan would add 9,000 flights.")[0]
    assert e.speaker == "Quiet Skies Alliance"
    f = _analyse("According to the ministry, the town spends 4 percent of its budget on parks, above the regional average.")[0]
    assert f.speaker == "ministry" and f.claim.startswith("The town spends 4 percent")
    g = _analyse("Wages rose 3 percent, the NSB's figures show.")[0]
    assert g.speaker == "NSB"


def test_today_is_dated_only_when_it_dates_an_event():
    from datetime import date

    pub = date(2026, 9, 15)
    assert rewrite_dates("Today the harbour is full by noon", pub) == "Today the harbour is full by noon"
    assert rewrite_dates("and today we have said so", pub) == "and today we have said so"
    assert rewrite_dates("The strike began today", pub) == "The strike began on 15 September 2026"
    assert rewrite_dates("Ministers will meet today in Vellora", pub) == "Ministers will meet on 15 September 2026 in Vellora"


def test_type_cues_from_the_seventh_blind_set():
    assert "comparison" in _types("Results were broadly in line with those of 2019")
    assert "comparison" in _types("Its busiest day came on 2 August 1976")
    assert "comparison" in _types("Cycling is the fastest-growing way to get to work")
    assert "comparison" in _types("Pay rose 4 percent, above the overall inflation rate")
    assert "causal" in _types("A poor harvest had pushed up the cost of olive oil")
    assert "causal" in _types("The delays had left schools relying on old buses")
    assert "quantity" in _analyse("The lorry was travelling at 58mph.")[0].types
    assert "quantity" not in _analyse("The car park is full by seven o'clock.")[0].types
    assert "rule" in _types("The speed limit on the bridge is 30mph")
    assert _types("Small museums are worth fighting for") == ["opinion"]
    assert "comparison" not in _types("Ministers will visit the worst-hit villages")


def test_only_the_wanted_sentences_are_analysed_and_they_come_out_the_same():
    from pathlib import Path

    from claims.ingest import ingest_sources

    root = Path(__file__).resolve().parents[2]
    files = sorted(str(p) for p in (root / "tests/data/heldout").glob("*.json"))[:8]
    for art in ingest_sources(files).articles:
        sents = split_sentences(art.text)
        wanted = set(range(0, len(sents), 2))
        full = analyse_article(art.text, sents, published=art.published)
        part = analyse_article(art.text, sents, published=art.published, only=wanted)
        for i, (a, b) in enumerate(zip(full, part, strict=True)):
            if i in wanted:
                assert a == b, sents[i].text
            else:
                assert "not_analysed" in b.flags and b.parts == [] and b.speaker == (a.speaker if a.attribution != "none" else None)


def test_eighth_blind_set_frames_first_person_and_dates():
    a = _analyse("Lakes were polluted 212 times last year, according to the annual report of the Inland Waters "
                 "Agency (IWA) published on Tuesday.", PUBLISHED)[0]
    assert a.speaker == "Inland Waters Agency"
    assert a.claim == "Lakes were polluted 212 times in 2025"
    b = _analyse("The NPI projected that the number of carers would reach 9 million by 2040.")[0]
    assert b.speaker == "NPI" and b.claim == "The number of carers would reach 9 million by 2040"
    c = _analyse("A 2024 study by Verrow University found that every £1 spent on parks returned £3.")[0]
    assert c.speaker == "Verrow University"
    text = ("Festival founder Rhian Castell has run the event since 1996. "
            '"I first came here as a teenager selling tea," Castell said. '
            '"I will not be hurried into retiring," she said. '
            '"I took my mother to the first one, and at Christmas I took my grandson," she said.')
    res = _analyse(text)
    assert res[1].claim == "Rhian Castell first came here as a teenager selling tea"
    assert res[2].claim == "Rhian Castell will not be hurried into retiring"
    assert res[3].speaker == "Rhian Castell"
    d = _analyse("According to the Rail Alliance, a body representing train operators, fares have risen 9 percent.")[0]
    assert d.speaker == "Rail Alliance" and d.claim == "Fares have risen 9 percent"
    tuesday = datetime(2026, 7, 21, tzinfo=UTC)
    assert rewrite_dates("This year's fair runs from Friday to Monday", tuesday) == (
        "This year's fair runs from 24 July 2026 to 27 July 2026")


def test_type_cues_from_the_eighth_blind_set():
    assert "prediction" in _types("If fishing continues, there may be no cod left by 2035")
    assert "causal" in _types("Warmer seas had pushed the shoals north")
    assert "causal" in _types("The firm would be fined £2 million for failing to report leaks")
    assert "comparison" in _types("The number of carers would grow from 5.1 million today to 6 million by 2040")
    assert "comparison" in _types("Bids totalled £80 million, against a budget of £20 million")
    assert "prediction" not in _types("I would have stayed if they had asked me")
    assert "prediction" not in _types("I thought my daughter would follow me onto the boats")
    assert "prediction" in _types("Homes built after 2030 would have to be fitted with solar panels")
    assert "causal" not in _types("The subsidy worked out at £4 a ticket")


def test_ninth_blind_set_speakers():
    text = ("Turnout was 31 percent, the lowest since 2004, the county's elections office said. "
            "Postal votes made up 40 percent of ballots, it said.")
    assert _analyse(text)[1].speaker == "county's elections office"
    b = _analyse("Haldane, 52, thanked the returning officer but said the count had been too slow.")[0]
    assert b.attribution == "reported" and b.claim == "The count had been too slow"
    c = _analyse("Sales fell 8 percent, the HSO figures show.")[0]
    assert c.speaker == "HSO"
    d = _analyse("Kettles & Co will close 12 of its 40 shops, the administrators, Marlow Finch Partners, said on Monday.")[0]
    assert d.speaker == "Marlow Finch Partners" and d.claim == "Kettles & Co will close 12 of its 40 shops"
    e = _analyse("Puffin numbers have halved since 2001, according to the census by the Isles Bird Trust.")[0]
    assert e.speaker == "Isles Bird Trust"
    text = ("Tessa Morland, whose mother died in the flood, said help took six hours to arrive. "
            "Chief Officer Dana Pell said crews were stretched. "
            '"I watched the water rise and nobody came," she said.')
    assert _analyse(text)[2].speaker == "Dana Pell"  # the latest woman named as a subject
    text = ("Owain Breck, regional secretary of the Crew Union, said 90 posts had gone. "
            '"Every empty seat is a risk," he said.')
    assert _analyse(text)[1].speaker == "Owain Breck"
    text = ("Quillby, the Leeds-based firm behind the Homework Helper app, said 50,000 pupils used it. "
            '"Every child deserves help at night," said Quillby’s founder, Anouk Derwent. '
            '"My son used it every day," said parent Maeve Tolland. "He loved it," she said. '
            "Quillby said it deleted all chats after 30 days.")
    res = _analyse(text)
    assert res[1].speaker == "Anouk Derwent"
    assert res[3].speaker == "Maeve Tolland"
    assert res[4].claim == "Quillby deleted all chats after 30 days"


def test_ninth_blind_set_dates_and_types():
    pub = datetime(2026, 5, 8, tzinfo=UTC)
    assert rewrite_dates("I will be standing again next May", pub) == "I will be standing again in May 2027"
    assert rewrite_dates("and this year I found three", pub) == "and in 2026 I found three"
    assert rewrite_dates("between last year and this year", pub) == "between 2025 and 2026"
    assert rewrite_dates("anyone landing between April and August needs a licence", pub) == (
        "anyone landing between April and August needs a licence")
    assert "rule" in _types("Under the national Flood Cover Standard, a crew should reach a flooded home within an hour")
    assert "prediction" not in _types("Under the national Flood Cover Standard, a crew should reach a flooded home within an hour")
    assert "causal" in _types("An empty unit that size drags trade down for every shop around it")
    assert "prediction" in _types("As long as my knees hold out, I'll be on that boat")
    assert "prediction" not in _types("Volunteers have signed up for next year's count")
    assert "opinion" in _types("Telling surgeries to answer faster is not a plan")


def test_tenth_blind_set_fixes():
    a = _analyse("Rents rose 7 percent, researchers at the University of Dunholme said on Monday.", PUBLISHED)[0]
    assert a.speaker == "researchers at the University of Dunholme" and a.claim == "Rents rose 7 percent"
    b = _analyse("Patients had 1.2 fewer visits, according to results published in the Journal of Rural Health.")[0]
    assert b.speaker == "Journal of Rural Health"
    c = _analyse("Assaults rose 20 percent, according to an inspection report by the Prisons Standards Office.")[0]
    assert c.speaker == "Prisons Standards Office"
    d = _analyse("Orla Penhale, whose daughter Aine, 9, joined the trial, said the attacks had stopped.")[0]
    assert d.speaker == "Orla Penhale"
    e = _analyse("According to the Pantry Network, which supports 1,200 food banks, its members gave out 2 million parcels.")[0]
    assert e.speaker == "Pantry Network" and e.claim == "Its members gave out 2 million parcels"
    f = _analyse("The Dunholme Chamber of Commerce warned that one in five shops could close.")[0]
    assert f.speaker == "Dunholme Chamber of Commerce"
    thursday = datetime(2026, 6, 11, tzinfo=UTC)
    g = _analyse("The central bank cut its rate to 3 percent on Thursday and signalled that more cuts were likely.", thursday)[0]
    assert "on 11 June 2026" in g.claim
    assert rewrite_dates("because the Tuesday queue had grown too long", thursday) == "because the Tuesday queue had grown too long"
    assert "causal" in _types("Staff shortages had driven much of the violence")
    assert "causal" in _types("Dredging would have lowered the flood peak by 30 centimetres")
    assert "causal" not in _types("I worked 31 years at the mill")
    assert "causal" in _types("We cut fares and it worked")


def test_eleventh_blind_set_fixes():
    a = _analyse("Swimmer Liesel Okafor-Brandt, who won bronze in Tamsk, said she had been tested twice.")[0]
    assert a.speaker == "Liesel Okafor-Brandt"
    b = _analyse("Roofer Tobias Wendt, 58, said the work had dried up.")[0]
    assert b.speaker == "Tobias Wendt"
    c = _analyse("Bookings fell 12 percent, the administrators, Fisher Kell Partners, said.")[0]
    assert c.speaker == "Fisher Kell Partners"
    d = _analyse("Party leader Oskar Brevik, of the Liberal Front (LF), said turnout was 44 percent.")[0]
    assert d.speaker == "Oskar Brevik" and d.claim == "Turnout was 44 percent"
    e = _analyse("The club received €2 million in 2025, according to the federation's annual accounts.")[0]
    assert e.speaker == "federation"
    text = ("Ilse Vandermeer chairs the board. "
            "Vandermeer's term ends in 2028.")
    assert _analyse(text)[1].claim == "Ilse Vandermeer's term ends in 2028"
    text = ("Riders must register with the Baltic Anti-Doping Agency (BADA). "
            "Samples go to BADA within a week.")
    assert _analyse(text)[1].claim == "Samples go to Baltic Anti-Doping Agency (BADA) within a week"


def test_twelfth_blind_set_fixes():
    a = _analyse("Sergeant Ivo Marsh, Keld Police's rural crime officer, said 12 traps had been found.")[0]
    assert a.speaker == "Ivo Marsh"
    b = _analyse("The Porters' Union (PU), which represents 9,000 of the city's 12,000 porters, rejected that, "
                 "saying pay had fallen 5 percent.")[0]
    assert b.speaker == "Porters' Union" and b.claim == "Pay had fallen 5 percent"
    c = _analyse("The board now employs 30 inspectors, down from 80 in 2012, its director, Ines Kovac, said.")[0]
    assert c.speaker == "Ines Kovac" and c.claim == "The board now employs 30 inspectors, down from 80 in 2012"
    d = _analyse("The Weavers' Guild said 14 looms had been sold.")[0]
    assert d.speaker == "Weavers' Guild"
    text = 'Maren Tull runs the firm. "We grew too fast," Tull, the chief executive, wrote in a memo.'
    assert _analyse(text)[1].speaker == "Maren Tull"
    e = _analyse("The deal is the largest this year, according to Dealwatch, which tracks takeovers.")[0]
    assert e.speaker == "Dealwatch" and e.claim == "The deal is the largest this year"
    f = _analyse('"We can cut bills," she said, "but it will take time."')[0]
    assert f.claim == "We can cut bills, but it will take time"
    tuesday = datetime(2026, 11, 17, tzinfo=UTC)
    assert rewrite_dates("A meeting will be held at the town hall on 2 December", tuesday) == (
        "A meeting will be held at the town hall on 2 December 2026")
    assert rewrite_dates("The operator must run four crossings a day between April and October", tuesday) == (
        "The operator must run four crossings a day between April and October")


def test_thirteenth_blind_set_fixes():
    a = _analyse("Dr. Ines Marlowe, the economist who led the study, said about 30 percent of visitors came from abroad.")[0]
    assert a.speaker == "Ines Marlowe" and a.claim == "About 30 percent of visitors came from abroad"
    b = _analyse("The county will close nine stations by May, fire and rescue commissioner Alun Pryce said on Tuesday.")[0]
    assert b.speaker == "Alun Pryce"
    c = _analyse("Rangers pay the trust £9,000 a year, less than half of what the trust says the path costs it.")[0]
    assert c.attribution == "none"
    d = _analyse("The poet Marit Engstrom, who grew up in Harwick, called the plan \"vandalism\" and said she would fight it.")[0]
    assert d.speaker == "Marit Engstrom" and d.claim == "Marit Engstrom would fight it"
    e = _analyse("The survey of 1,800 tenants found that 30 percent had damp.")[0]
    assert e.speaker == "survey"
    f = _analyse("Organisers estimate that 40,000 people watched the parade.")[0]
    assert f.speaker == "Organisers"
    tuesday = datetime(2026, 5, 12, tzinfo=UTC)
    assert rewrite_dates("Halls must publish their rents by 1 March", tuesday) == "Halls must publish their rents by 1 March"
    assert rewrite_dates("compared with £90 on a typical weekend in April", tuesday) == (
        "compared with £90 on a typical weekend in April")
    assert rewrite_dates("Race day is my worst Sunday of the year", tuesday) == "Race day is my worst Sunday of the year"
    assert rewrite_dates("The race was run on Sunday", tuesday) == "The race was run on 10 May 2026"


def test_may_the_verb_is_not_the_month_and_only_matches_the_full_analysis():
    pub = datetime(2024, 5, 10, tzinfo=UTC)
    a = _analyse("The council said this may mean higher taxes for 40,000 households.", pub)[0]
    assert a.claim == "This may mean higher taxes for 40,000 households"
    assert rewrite_dates("Voting opens next May", pub) == "Voting opens in May 2025"
    # Genders learned while normalizing a skipped sentence must not change a wanted one.
    text = ("Robin Ettle, the council leader, opened the meeting. "
            "Sasha Quennell said she expected the levy to raise £4m. "
            "He said the figure was too high.")
    sents = split_sentences(text)
    full = analyse_article(text, sents)
    assert analyse_article(text, sents, only={2})[2] == full[2]
    assert full[2].speaker == "Robin Ettle"


def test_month_with_relative_year_is_one_date():
    published = datetime(2026, 5, 23, tzinfo=UTC)
    assert rewrite_dates("From April next year, the ward will close.", published) == "From April 2027, the ward will close."
    assert rewrite_dates("The launch, in March last year, failed.", published) == "The launch, in March 2025, failed."
    assert rewrite_dates("Fares rose on 3 March last year.", published) == "Fares rose on 3 March 2025."
    assert rewrite_dates("It opened in May this year.", published) == "It opened in May 2026."


def test_told_frame_keeps_its_object_short():
    text = ("Ilse Varga runs the depot. Speaking at the depot in Carrow, she told the paper that fares had "
            "risen by 8 percent since she arrived and that the line would reopen in 2027.")
    a = _analyse(text)[1]
    assert a.speaker == "Ilse Varga"
    assert a.claim.startswith("Fares had risen by 8 percent since")


def test_role_appositive_with_an_owner_or_a_who_clause():
    text = ("The designer behind the hull is Piotr Zielinski, Arvona's chief designer, who joined in 2019. "
            "The designer said the hull weighed 40 tonnes. "
            "The woman who knows the canal best is Adaeze Morrow, a lock engineer who spent 30 years there. "
            "The engineer said 12 locks needed repair.")
    a = _analyse(text)
    assert a[1].speaker == "Piotr Zielinski"
    assert a[3].speaker == "Adaeze Morrow"


def test_it_said_after_an_organisation_the_lexicon_does_not_know():
    text = ("Corvane Water Networks (CWN), which serves 2 million homes, said 300 pipes burst on Friday. "
            "It said it had repaired 200 of them.")
    a = _analyse(text)[1]
    assert a.speaker == "Corvane Water Networks"
    assert a.claim == "Corvane Water Networks had repaired 200 of them"


def test_according_to_with_a_role_appositive_without_article():
    text = ("According to Lena Ostrova, head of research at the broker Hallam Brothers, rents rose 6 percent. "
            '"Landlords are nervous," she said.')
    a = _analyse(text)
    assert a[0].speaker == "Lena Ostrova"
    assert a[0].claim == "Rents rose 6 percent"
    assert a[1].speaker == "Lena Ostrova"


def test_mac_names_bare_role_appositives_and_told_mps_on_the_committee():
    text = ("The chief inspector of ferries, Ailsa MacQuarrie, said delays had doubled. "
            "She told MPs on the committee that 14 sailings had been cancelled in 2025. "
            "Tavish Orrell, general secretary of the Deckhands' Union, said crews were exhausted. "
            "The general secretary warned that 30 crew had resigned since May.")
    a = _analyse(text)
    assert a[1].speaker == "Ailsa MacQuarrie"
    assert a[1].claim == "14 sailings had been cancelled in 2025"
    assert a[3].speaker == "Tavish Orrell"


def test_ologist_titles_new_speech_verbs_and_according_to_sources():
    text = ("Ines Varro, a glaciologist at Brenn University, said the ice had thinned by 12 metres. "
            '"Nothing will stop this in our lifetimes," the glaciologist cautioned. '
            "Traffic on Mill Lane, Varro reckons, would rise by a fifth. "
            "According to Wren Halloway, an analyst at Cobb Markets, prices rose 3 percent. "
            '"It is a blip," she said. '
            "According to accounts filed at Companies House last month, the firm's debt rose to £3 million.")
    a = _analyse(text)
    assert a[1].speaker == "Ines Varro"
    assert a[2].speaker == "Ines Varro"
    assert a[2].claim == "Traffic on Mill Lane would rise by a fifth"
    assert a[4].speaker == "Wren Halloway"
    assert a[5].speaker == "Companies House"
    assert a[5].claim == "The firm's debt rose to £3 million"


def test_title_references_from_both_roles_and_dr():
    text = ("Councillor Yaw Brennock, the cabinet member for housing, said 300 homes were empty. "
            "The cabinet member said 120 would be let by June. "
            "Dr Orla Venn has run the Millgate practice since 2009. "
            "The doctor acknowledged that the list had grown by 600 patients. "
            "Piet Halloran, the plant convenor for the Foundry Workers' Union, said 90 jobs were at risk. "
            "The convenor said the union would ballot members.")
    a = _analyse(text)
    assert a[1].speaker == "Yaw Brennock"
    assert a[3].speaker == "Orla Venn"
    assert a[5].speaker == "Piet Halloran"


def test_double_surnames_possessive_organisations_and_however_that():
    text = ("Corvia's fisheries minister, Tomás Aguirre Lozano, who led the talks, said the deal covered 40 boats. "
            "Aguirre said he expected a vote in March. "
            "The Kelby Boatmen's Cooperative, which represents 200 boats, said the quota was too low. "
            "Professor Mira Solberg, the oncologist who led the pilot, said the results were striking. "
            "She acknowledged, however, that one in 50 scans had been a false alarm. "
            "The study, published on Wednesday in the journal Ice Letters, found that glaciers had lost 12 percent of their mass. "
            "The average fee rose to £1,200 a week, according to the charity Age Onward.")
    a = _analyse(text)
    assert a[1].speaker == "Tomás Aguirre Lozano"
    assert a[2].speaker == "Kelby Boatmen's Cooperative"
    assert a[4].speaker == "Mira Solberg"
    assert a[4].claim == "One in 50 scans had been a false alarm"
    assert a[5].speaker == "study"
    assert a[6].speaker == "Age Onward"


def test_verb_first_end_frame_with_a_who_clause():
    text = ("At Rosmar Hospital, the ward has treated up to 60 patients a day, most of them over 80, "
            "said Dr Ilse Marrow, who heads the ward.")
    a = _analyse(text)[0]
    assert a.speaker == "Ilse Marrow"
    assert a.claim == "At Rosmar Hospital, the ward has treated up to 60 patients a day, most of them over 80"


def test_object_after_a_descriptor_is_not_a_pronoun_subject_and_extended_latin_names():
    text = ("Ama Orrin won the vote, beating the independent candidate Ravi Tandon by 400 votes. "
            "Her two promises were buses and homes. "
            "Tandon, who will stand again, was blunter. "
            "Homes were not the same as flats, he said. "
            "Şebnem Karaoğlu lost her shop in the flood. "
            '"I could hear the water rising," she said.')
    a = _analyse(text)
    assert a[3].speaker == "Ravi Tandon"
    assert a[5].speaker == "Şebnem Karaoğlu"


def test_time_clauses_documents_and_name_forms_from_heldout23():
    text = ("The Larch Theatre has been saved by a £1m grant, four months after the theatre warned that it could close. "
            "The documents, dated 3 March, show that the grant was approved. "
            "Cycle lanes must be protected on busy roads under Road Design Note 4/19, he said. "
            "Seo Ji-hoon, the firm's president, said the plant would employ 900 people. "
            "Seo said the subsidy was fair. "
            "Sofía Ruiz Calderón, the trade minister, said exports rose 8 percent. "
            "Ruiz Calderón said the rise would continue.")
    a = _analyse(text)
    assert a[0].speaker is None
    assert a[1].speaker == "documents"  # not the appositive "dated 3 March"
    assert a[2].speaker != "Road Design Note"
    assert a[4].speaker == "Seo Ji-hoon"
    assert a[6].speaker == "Sofía Ruiz Calderón"


def test_professor_and_knight_references_and_latin_extended_b():
    text = ("Professor Ilmar Tõnisson led the study at Ardent University. "
            "The professor said 40 percent of the devices failed early. "
            "The chair, Sir Hadley Brancombe, said 38 percent of the bonus was linked to targets. "
            '"We have doubled investment," Sir Hadley said. '
            '"The count is slow," Ștefănescu said. '
            "Mirela Ștefănescu chairs the commission.")
    a = _analyse(text)
    assert a[1].speaker == "Ilmar Tõnisson"
    assert a[3].speaker == "Hadley Brancombe"
    people_text = 'Mirela Ștefănescu chairs the commission. "The count is slow," Ștefănescu said.'
    assert _analyse(people_text)[1].speaker == "Mirela Ștefănescu"


def test_the_mp_refers_to_the_named_mp():
    text = ("Orla Finnegan, the MP for Kelby West, said repairs had stalled. "
            "The MP said she would write to the regulator.")
    assert _analyse(text)[1].speaker == "Orla Finnegan"
