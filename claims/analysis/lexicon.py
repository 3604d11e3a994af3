"""Word lists shared by the analysis rules.

Small, general lists (not fitted to any one article): role nouns, speech verbs,
first names with a grammatical gender hint, organisation and place cues.
"""

from __future__ import annotations

# Nouns that make a phrase a person's role ("defence minister", "chief economist").
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    member convenor convener minister secretary representative president vice-president chancellor mayor councillor councilor
    spokesperson spokesman spokeswoman director manager executive officer economist forecaster
    governor leader candidate striker nurse baker skipper pensioner professor runner author chair
    chairman chairwoman chairperson head ambassador general commissioner senator lawmaker mp
    analyst researcher scientist teacher doctor dentist farmer grower father mother resident coach
    captain editor diplomat envoy prime premier king queen chief founder ceo cfo owner worker
    official spokesperson adviser advisor consultant lawyer judge prosecutor police inspector
    superintendent commander colonel major lieutenant sergeant soldier veteran student parent
    campaigner activist organiser organizer trader shopkeeper driver pilot surgeon midwife
    physician epidemiologist virologist statistician treasurer deputy speaker whip negotiator
    goalkeeper defender midfielder forward player athlete champion cyclist swimmer boxer
    constable detective criminologist sociologist psychologist historian lecturer dean provost
    headteacher headmaster headmistress principal archbishop bishop pharmacist engineer architect
    accountant auditor regulator ombudsman coroner magistrate warden paramedic firefighter
    demographer geologist meteorologist climatologist scholar strategist pollster broker banker
    novelist writer poet artist actor actress singer composer broadcaster journalist photographer designer chef
    """.split()
)

# Capitalised words that can precede a name as a title but are not part of it.
TITLE_WORDS: frozenset[str] = frozenset(
    """
    Dr Mr Mrs Ms Miss Mx Prof Professor Sir Dame Lord Lady Sen Senator Rep Gov Governor Gen General
    President Minister Secretary Chancellor Mayor Councillor Councilor Representative High Chief
    Deputy Vice Prime Premier King Queen Prince Princess Judge Justice Ambassador Commissioner
    Director Manager Striker Nurse Captain Coach Inspector Superintendent Colonel Major Lieutenant
    Sergeant Father Sister Brother Reverend Rev Bishop Pope Chairman Chairwoman Chair Speaker
    Foreign Defence Defense Finance Health Interior Justice Economy Environment Energy Transport
    Education State Federal Opposition Incumbent Former Acting Race Council Leader Head Senior
    Junior Assistant Associate Executive Officer Spokesperson Spokesman Spokeswoman Economist
    Candidate Baker Skipper Pensioner Runner Author Lead Mr. Dr. Mrs. Ms. Prof. Cllr Cllr. Coun Alderman Hon Rt
    """.split()
)

FEMALE_NAMES: frozenset[str] = frozenset(
    """
    Mary Anna Anne Ann Maria Marie Helena Helen Elena Eleanor Ellen Elena Emma Emily Sarah Sara Laura
    Kaja Kaia Aino Liisa Kristi Kadri Triin Maarja Karin Katrin Ingrid Inge Ingeborg Astrid Sofia
    Sophie Sophia Lena Lina Hanna Hannah Johanna Clara Claire Carla Carmen Ursula Angela Christine
    Christina Kristina Margaret Margarethe Marta Martha Priya Amira Amal Fatima Aisha Leila Layla
    Ruth Rachel Rebecca Grace Joanne Joan Jane Janet Julia Juliet Lucy Lucia Olivia Isabel Isabella
    Beatrice Beatrix Moira Mairead Fiona Catherine Kathryn Katherine Kate Kamala Hillary Nancy Giorgia
    Marine Ségolène Annalena Sanna Mette Magdalena Jacinda Theresa Teresa Liz Elizabeth
    Miriam Mirjam Susan Susanne Natalia Natasha Olga Irina Svetlana Yulia Agnieszka Ewa Zofia Alice
    Alicia Patricia Linda Barbara Jennifer Jessica Michelle Nicola Nicole Victoria Charlotte Amelia
    Chloe Ella Mia Ava Zoe Nadia Yasmin Amina Mariam Ayesha Chiara Francesca Giulia Paola Silvia
    Ines Lucie Camille Juliette Amelie Heidi Greta Frida Maja Malin Elin Saara Tuula Päivi Riikka
    """.split()
)
MALE_NAMES: frozenset[str] = frozenset(
    """
    John James Robert Michael William David Richard Joseph Thomas Tomas Charles Christopher Daniel
    Matthew Mark Marco Marcus Martin Mart Paul Peter Pieter Steven Stephen Andrew Kenneth Joshua
    George Donald Joe Kevin Brian Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric
    Jonathan Jonas Owen Olaf Lars Henrik Hans Anton Angus Ian Iain Sean Luca Luke Frank Ravi Yusuf
    Vladimir Volodymyr Emmanuel Olaf Friedrich Boris Keir Rishi Pedro Giorgio Mario Sergio Xi
    Narendra Recep Viktor Andrzej Donald Antonio Alexander Alex Sergei Dmitry Ivan Igor Jens
    Ole Erik Eric Nils Karl Carl Kurt Klaus Jürgen Wolfgang Stefan Ahmed Mohammed Muhammad Ali Omar
    Hassan Hussein Mustafa Ibrahim Tom Tim Ben Sam Jack Harry Oliver Noah Liam Lucas Leo Hugo Felix
    Max Adam Simon Neil Nigel Alan Allan Colin Graham Gordon Tony Rob Bob Bill Will Jim Jimmy Haile
    Abiy Kofi Kwame Chinedu Julian Julius Jan Janis Juris Gitanas Edgars Kaspar Kristjan
    Jüri Toomas Taavi Sauli Alexander Aleksander Jaroslaw Mateusz Piotr Pavel Petr Andrej Miroslav
    """.split()
)

# Tokens that mark a capitalised phrase as an organisation, not a person.
ORG_WORDS: frozenset[str] = frozenset(
    """
    Ministry Department Service Authority Institute Association Organisation Organization Council
    Party Bank Commission Office Agency Court Parliament Committee University College School
    Hospital Union League Federation Fund Group Company Corporation Inc Ltd Plc Athletic Athletics
    Rovers United Club Times Post News Courier Gazette Tribune Herald Wire Daily Ledger Desk Press
    Reuters Echo Chronicle Observer Guardian Journal Mirror Express Mail Telegraph Record Review
    Standard Voice Bulletin Radio Television Broadcasting Agency Assembly Senate Congress Government Cabinet Treaty Act Rights Regulations Rules
    Marathon Cup Championship Championships Games Olympics Conference Forum Summit Alliance Coalition
    Police Army Navy Force Forces Guard Board Trust Foundation Society Network Media Institute Centre
    Center Department Health Public National Statistics Meteorological Medical Energy Electoral
    War Wars Terror Crisis Revolution Pandemic Depression Accord Agreement Pact Protocol Convention
    World Global International Rail Railway Railways Airlines Airways Foods Motors Holdings
    Securities Partners Capital Insurance Utilities Water Homes Housing Telecom Pharmaceuticals
    Charter Federation Institution Commissioner's Tribunal Inquiry Directorate Secretariat Regulator
    Watchdog Inspectorate Charity Charities Ombudsman Bureau Partnership Initiative Programme Project
    Systems Technologies Industries Solutions Logistics Engineering Aerospace Dynamics Labs Laboratories
    Enterprises Ventures Resources Airport Airports Against Action Campaign Chamber Chambers Commerce Friends Exchange Guild Estates Ferries Ferry
    Lines Shipping Buses Coaches Trains Hotel Hotels Inn Restaurant Cafe Café Bakery Pub Museum Library
    Gallery Living Constabulary Libraries Museums Galleries Brothers Associates Networks Ratings Analytics
    Consulting Consultants Advisers Advisors Markets Data Research Retail Stores Supermarkets Cooperative
    Co-operative
    """.split()
)

# Tokens that mark a capitalised phrase as a place.
PLACE_WORDS: frozenset[str] = frozenset(
    """
    Street Road Avenue Bridge Square Lane River Lake Lakes Sea Ocean Bay Island Isle Islands Valley
    Mountain Mountains Hill Hills Park Region County District Province State States Kingdom Republic
    City Town Village Port Harbour Harbor Coast Gulf Strait East West North South Northern Southern
    Eastern Western Central Middle Upper Lower Yard Wharf Quay Dock Docks Estate Market Mill Row Green
    """.split()
)

COUNTRIES_AND_PLACES: frozenset[str] = frozenset(
    """
    Afghanistan Albania Algeria Argentina Armenia Australia Austria Azerbaijan Belarus Belgium Bosnia
    Brazil Bulgaria Canada Chile China Colombia Croatia Cuba Cyprus Czechia Denmark Egypt England
    Estonia Ethiopia Europe Africa Asia America Americas Finland France Georgia Germany Ghana Greece
    Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan Kazakhstan Kenya
    Korea Kosovo Latvia Lebanon Libya Lithuania Luxembourg Malta Mexico Moldova Montenegro Morocco
    Netherlands Nigeria Norway Pakistan Palestine Poland Portugal Qatar Romania Russia Scotland Serbia
    Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan Turkey Ukraine Uganda Wales
    Venezuela Vietnam Yemen Britain Moscow Kyiv Kiev Washington Berlin Paris London Brussels Rome
    Madrid Warsaw Tallinn Riga Vilnius Helsinki Stockholm Oslo Copenhagen Munich Geneva Vienna Prague
    Budapest Athens Lisbon Dublin Amsterdam Beijing Tokyo Delhi Tehran Ankara Istanbul Cairo Nairobi
    Narva Hague Gaza Crimea Donbas Baltic Nordic Scandinavia Arctic Antarctica Balkans Caucasus
    """.split()
)

MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Capitalised words that start sentences or phrases and are never names.
NOT_NAME_WORDS: frozenset[str] = frozenset(
    """
    The A An This That These Those It Its He She They We I You His Her Their Our My But And Or So Yet
    However Meanwhile According Under After Before During Since In On At For From With Without By To
    Of As If When While Where Why How What Who Which Some Many Most Few All Every Each No Not Nobody
    Speaking Critics Analysts Officials Organisers Organizers Researchers Economists Residents Parents
    Voters Fishermen Forecasters Hospitals Whoever Frankly Also Then Now Still Last Next Earlier Later
    Today Yesterday Tomorrow Here There Mrs Mr Ms Dr Prof Professor Watch Read More See Kenyan
    Swedish Ethiopian Finnish Estonian German French British American Russian Ukrainian European
    Christmas Easter Ramadan Diwali Hanukkah Eid Passover Whitsun Hogmanay Halloween
    """.split()
) | frozenset(MONTHS) | frozenset(WEEKDAYS)

# Verbs that introduce speech (direct or reported).
SPEECH_VERBS: tuple[str, ...] = (
    "said", "says", "say", "claimed", "claims", "argued", "argues", "warned", "warns", "added",
    "adds", "stressed", "stresses", "insisted", "insists", "noted", "notes", "pointed out",
    "points out", "explained", "explains", "predicted", "predicts", "announced", "announces",
    "told", "tells", "reported", "reports", "found", "finds", "estimated", "estimates",
    "suggested", "suggests", "confirmed", "confirms", "admitted", "admits", "denied", "denies",
    "revealed", "reveals", "acknowledged", "acknowledges", "maintained", "maintains", "conceded",
    "declared", "declares", "stated", "states", "wrote", "writes", "continued", "replied",
    "asked", "asks", "recalled", "countered", "concluded", "observed", "remarked", "showed",
    "show", "shows", "emphasised", "emphasized", "highlighted that", "believes", "believe",
    "thinks", "think", "hopes", "fears", "feared", "alleged", "alleges", "accused", "contended",
    "replies", "responds", "responded", "retorts", "retorted", "recalls", "counters", "concedes",
    "forecast", "forecasts", "estimate", "warn", "argue", "insist", "predict",
    "reminded", "assured", "informed", "advised", "projected", "projects", "calculated", "calculates",
    "cautioned", "cautions", "reckons", "reckoned", "disputed", "disputes",
)
# Verbs that only report speech when followed by "that" (or a quote).
THAT_ONLY_VERBS: frozenset[str] = frozenset(
    {"found", "finds", "showed", "show", "shows", "reported", "reports", "believes", "believe",
     "thinks", "think", "hopes", "fears", "feared", "estimated", "estimates", "noted", "notes",
     "confirmed", "confirms", "revealed", "reveals", "acknowledged", "acknowledges", "states",
     "stated", "declared", "declares", "suggested", "suggests", "maintained", "maintains",
     "alleged", "alleges", "accused", "recalled", "replies", "responds", "responded", "recalls",
     "counters", "concedes", "reminded", "assured", "informed", "advised", "projected", "projects",
     "calculated", "calculates", "observed", "remarked", "replied", "asked",
     "asks", "continued", "countered", "concluded", "contended", "denied", "denies", "admitted",
     "admits", "announced", "announces", "explained", "explains", "predicted", "predicts", "disputed", "disputes"}
)

CONNECTORS: tuple[str, ...] = (
    "But", "And", "However", "Meanwhile", "Still", "Yet", "So", "Moreover", "Furthermore",
    "Instead", "Indeed", "Nevertheless", "Nonetheless", "Frankly", "Also", "Then",
    "In addition", "In fact", "Besides", "Finally", "Similarly", "Likewise",
)

# Irregular past-tense verbs (regular ones end in -ed): one list for tense in dates,
# claim types and first-person rewrites.
IRREGULAR_PAST: frozenset[str] = frozenset(
    """
    was were had did said felt saw grew sat spent knew went took made thought lost won met left came got gave
    told ran led found became began brought bought fought heard kept paid put read taught wrote caught drove
    ate drank fell flew forgot froze hid hit hurt lay lit meant rode rang rose sang sank sent shot shut slept
    spoke stood stole struck swam swore threw understood woke wore built dealt dug fed fled held knelt lent
    sold sought split spread stuck stung swept tore broke beat chose set cut
    """.split()
)

# Nouns that describe an organisation in apposition or before its name
# ("Brightlearn, the Coldharbour-based company"; "Online retailer Parcelly").
ORG_KIND_NOUNS: tuple[str, ...] = tuple(
    """
    retailer company firm group charity bank airline carrier operator insurer supermarket chain brand start-up
    startup developer manufacturer maker lender regulator provider platform publisher broadcaster club trust
    organisation organization business restaurant school campaign network co-operative cooperative agency
    think-tank consultancy union party band venue
    """.split()
)

