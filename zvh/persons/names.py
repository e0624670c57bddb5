"""Fictitious names and streets for demo and benchmark data (no real persons)."""

VOORNAMEN_M = [
    "Ahmed",
    "Bram",
    "Daan",
    "Erik",
    "Finn",
    "Hasan",
    "Joost",
    "Kevin",
    "Mohamed",
    "Niels",
    "Ruben",
    "Stefan",
    "Thijs",
    "Youssef",
    "Gerrit",
    "Marco",
    "Dennis",
    "Sander",
    "Rachid",
    "Wim",
]
VOORNAMEN_V = [
    "Anouk",
    "Bianca",
    "Chantal",
    "Demi",
    "Esra",
    "Fatima",
    "Iris",
    "Kim",
    "Linda",
    "Mirjam",
    "Naima",
    "Priscilla",
    "Sanne",
    "Tamara",
    "Yvonne",
    "Ilse",
    "Lotte",
    "Samira",
    "Wendy",
    "Zoë",
]
ACHTERNAMEN = [
    ("", "Jansen"),
    ("de", "Boer"),
    ("van", "Dijk"),
    ("", "Smits"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("van den", "Berg"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Verhoeven"),
    ("", "Kramer"),
    ("van der", "Heijden"),
    ("", "Koster"),
    ("", "Prins"),
    ("", "Maas"),
    ("", "Yilmaz"),
    ("", "El Amrani"),
    ("", "Kaya"),
    ("", "Martens"),
    ("van", "Gils"),
    ("", "Aarts"),
    ("", "Claassen"),
    ("", "Verschuren"),
]
STRATEN = [
    "Haagweg",
    "Ginnekenweg",
    "Nieuwe Boschstraat",
    "Teteringsedijk",
    "Markt",
    "Kerkstraat",
    "Dorpsstraat",
    "Molenstraat",
    "Stationsstraat",
    "Lindenlaan",
    "Beukenlaan",
    "Zandberglaan",
]

# --- Scale data (seed_demo --scale): a realistic spread of fictitious names -------------------------------------
# More first names (both lists above are included); a few persons carry two.
EXTRA_VOORNAMEN_M = (  # noqa: SIM905 - a word list
    "Jan Pieter Kees Henk Willem Johan Martin Richard Peter Paul Mark Jeroen Arjan Bas Tim Lars Sem Luuk "
    "Milan Jesse Thomas Jeffrey Patrick Robin Ricardo Mitchell Danny Jordy Nick Rick Koen Tom Bart Frank "
    "Hans Theo Cor Ad Harry Ton Rob Ronald Michel Mehmet Mustafa Ali Omar Bilal Ibrahim Yassin Soufiane "
    "Anass Ayoub Karim Brahim Emre Burak Murat Kerem Tomasz Piotr Marek Andrei Dragan Goran Ricky "
    "Shurandy Giovanni Dylan Kenneth Raymond Sven Stijn Wouter Jasper Ruud Gijs Hugo Floris Joris Maarten "
    "Olaf Vincent Jurgen Erwin Edwin Ferry Gert"
).split()
EXTRA_VOORNAMEN_V = (  # noqa: SIM905 - a word list
    "Maria Johanna Anna Petra Monique Sandra Marieke Ingrid Karin Esther Marloes Femke Eva Emma Julia "
    "Sophie Lisa Fleur Noa Tess Lieke Romy Britt Joyce Naomi Sharon Kimberley Melissa Jessica Daniëlle "
    "Natasja Angela Miranda Ellen Carla Ria Annie Greet Truus Marja Nadia Khadija Souad Salma Hanan Amira "
    "Yasmina Leila Zeynep Elif Ayşe Merve Büşra Agnieszka Katarzyna Joanna Ioana Elena Shanice Chanella "
    "Rowena Jolanda Wilma Hanneke Nienke Sanne Marit Anne Floor Roos Vera Nina Maud Ilona Patricia "
    "Nathalie Claudia Yolanda Gerda"
).split()
SCALE_VOORNAMEN_M = VOORNAMEN_M + EXTRA_VOORNAMEN_M
SCALE_VOORNAMEN_V = VOORNAMEN_V + EXTRA_VOORNAMEN_V

# Frequent surnames in the Netherlands with a relative weight (roughly their rank): about half of all persons carry
# one of these, so a search for "de Jong" or "Jansen" returns many people, as it would in real life.
# fmt: off
FREQUENTE_ACHTERNAMEN = [
    (("de", "Jong"), 86), (("", "Jansen"), 74), (("de", "Vries"), 72), (("van den", "Berg"), 60),
    (("van", "Dijk"), 57), (("", "Bakker"), 56), (("", "Janssen"), 55), (("", "Visser"), 51), (("", "Smit"), 47),
    (("", "Meijer"), 45), (("de", "Boer"), 42), (("", "Mulder"), 41), (("de", "Groot"), 40), (("", "Bos"), 39),
    (("", "Vos"), 37), (("", "Peters"), 36), (("", "Hendriks"), 35), (("van", "Leeuwen"), 34), (("", "Dekker"), 33),
    (("", "Brouwer"), 32), (("de", "Wit"), 31), (("", "Dijkstra"), 30), (("", "Smits"), 29), (("de", "Graaf"), 28),
    (("van der", "Meer"), 28), (("van der", "Linden"), 27), (("", "Kok"), 27), (("", "Jacobs"), 26),
    (("de", "Haan"), 26), (("", "Vermeulen"), 25), (("van den", "Heuvel"), 25), (("van der", "Veen"), 24),
    (("van den", "Broek"), 24), (("de", "Bruijn"), 23), (("de", "Bruin"), 23), (("van der", "Heijden"), 22),
    (("", "Schouten"), 22), (("van", "Beek"), 21), (("", "Willems"), 21), (("van", "Vliet"), 21),
    (("van de", "Ven"), 20), (("", "Hoekstra"), 20), (("", "Maas"), 20), (("", "Verhoeven"), 19),
    (("", "Koster"), 19), (("van", "Dam"), 19), (("van der", "Wal"), 18), (("", "Prins"), 18), (("", "Blom"), 18),
    (("", "Huisman"), 18), (("", "Peeters"), 17), (("de", "Jonge"), 17), (("", "Kuipers"), 17), (("van", "Veen"), 16),
    (("", "Post"), 16), (("", "Kuiper"), 16), (("", "Veenstra"), 16), (("", "Kramer"), 15),
    (("van den", "Brink"), 15), (("", "Scholten"), 15), (("van", "Wijk"), 15), (("", "Postma"), 14),
    (("", "Martens"), 14), (("", "Vink"), 14), (("de", "Ruiter"), 14), (("", "Yilmaz"), 14), (("", "Kaya"), 12),
    (("", "Şahin"), 10), (("", "Demir"), 10), (("", "El Amrani"), 9), (("", "Bakkali"), 8), (("", "Boukhari"), 7),
    (("", "Aarts"), 12), (("", "Claassen"), 9), (("", "Verschuren"), 9), (("van", "Gils"), 9), (("", "Nguyen"), 6),
    (("", "Kowalski"), 5), (("", "Martina"), 6),
]
# fmt: on
# The long tail: surnames composed from Dutch parts (prefix + stem + ending, sometimes with a tussenvoegsel), so
# that there are tens of thousands of plausible but synthetic names, like the real long tail of rare surnames.
NAAM_BEGIN = (  # noqa: SIM905 - a word list
    "Ver Van Oost West Noord Zuid Hooge Lange Groen Zand Klein Groot Nieuw Oude Hol Mol Riet Eik Linde "
    "Haze Kop Wester Ooster Bloem Heide Vlas Koe Schaap Hamer Steen Water Molen Kerk Brug Berk Beuke "
    "Wilge Rozen Lelie Kamer Dorp Stad Brand Sluis Hage Heg Hazel Hoog Laag Bree Smal Diep Vos Wolf Ram "
    "Stier Valk Arend"
).split()
NAAM_STAM = (  # noqa: SIM905 - a word list
    "berg hoeve kamp broek veld dijk hout bosch laar meer horst weg hof beek wijk donk heuvel brink sloot "
    "kerk dam vliet rade loo holt wald stein burg rode hage drecht gouw zande akker gaarde wei weide"
).split()
NAAM_EINDE = ["", "", "", "s", "e", "er", "ers", "ink", "man", "mans", "ing", "el"]
TUSSENVOEGSELS = [
    "",
    "",
    "",
    "",
    "",
    "van",
    "van",
    "van de",
    "van der",
    "van den",
    "de",
    "ter",
    "te",
    "in 't",
    "op den",
]
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
