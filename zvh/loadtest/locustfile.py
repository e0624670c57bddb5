"""A day's mix of ZVH users, each on the pages they open most. Sessions come from ``sessions.json`` (made by the
``loadtest`` command: verified sessions in the database, so no password or TOTP code is needed under load).

Requests carry ``X-Forwarded-Proto: https`` as the reverse proxy would; cookies are sent explicitly because the
production cookies are ``Secure`` (``__Host-``) and the load runs over plain HTTP on loopback.
"""

import json
import os
import random

from locust import HttpUser, between, task

# Which page a simulated user opens next is not security-relevant.
pick = random.Random().choice  # noqa: S311

SESSIONS = json.loads(open(os.environ["ZVH_LOADTEST_SESSIONS"]).read())  # noqa: SIM115, PTH123
TRIVIAL = "trivial (profielpagina)"
# Think time between two pages of one user, in seconds ("min,max"; set by ``loadtest --denktijd``).
THINK = tuple(float(s) for s in os.environ.get("ZVH_LOADTEST_THINK", "0.5,1.5").split(","))


class ZvhUser(HttpUser):
    abstract = True
    wait_time = between(*THINK)
    username = ""

    def on_start(self):
        data = SESSIONS[self.username]
        self.data = data
        self.csrf = data["csrf"]
        self.client.headers.update(
            {
                "X-Forwarded-Proto": "https",
                "Referer": f"https://{self.host.split('://', 1)[1]}/",
                "Cookie": f"{data['session_cookie']}={data['session']}; {data['csrf_cookie']}={self.csrf}",
            }
        )

    def get(self, url: str, name: str):
        with self.client.get(url, name=name, catch_response=True, allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")

    def search(self, data: dict, name: str):
        """Post, redirect, get: the search is stored in the session and its results shown by the GET."""
        with self.client.post(
            "/zoeken/",
            {**data, "csrfmiddlewaretoken": self.csrf},
            name=name,
            catch_response=True,
            allow_redirects=False,
        ) as response:
            if response.status_code != 302:
                response.failure(f"{response.status_code}")
        self.get("/zoeken/", f"{name} (resultaten)")

    @task(1)
    def trivial(self):
        self.get("/account/", TRIVIAL)


class Procesregisseur(ZvhUser):
    weight = 6
    username = "regisseur"

    @task(4)
    def mijn_werk(self):
        self.get("/mijn-werk/", "Mijn werk (procesregisseur)")

    @task(4)
    def lijst(self):
        self.get("/casussen/", "casuslijst (procesregisseur)")

    @task(6)
    def detail(self):
        self.get(f"/casussen/{pick(self.data['cases'])}/", "casusdetail (procesregisseur)")

    @task(2)
    def zoeken(self):
        self.search({"naam": pick(["jansen", "de vries", "bakker", "visser"])}, "zoeken (procesregisseur)")

    @task(2)
    def aanmeldingen(self):
        self.get("/aanmeldingen/", "aanmeldingen (procesregisseur)")

    @task(1)
    def triage(self):
        self.get("/triage/", "triageborden")

    @task(1)
    def overleg(self):
        if self.data.get("overleggen"):
            self.get(f"/overleggen/{pick(self.data['overleggen'])}/", "casusoverleg agenda")


class Ketenpartner(ZvhUser):
    """Politie: the partner with the most grants."""

    weight = 6
    username = "politie"

    @task(4)
    def mijn_werk(self):
        self.get("/mijn-werk/", "Mijn werk (politie)")

    @task(4)
    def lijst(self):
        self.get("/casussen/", "casuslijst (politie)")

    @task(6)
    def detail(self):
        self.get(f"/casussen/{pick(self.data['cases'])}/", "casusdetail (politie)")

    @task(2)
    def zoeken(self):
        self.search({"naam": pick(["jansen", "de vries", "bakker", "visser"])}, "zoeken (politie)")


class Secretariaat(ZvhUser):
    weight = 2
    username = "secretariaat"

    @task(3)
    def mijn_werk(self):
        self.get("/mijn-werk/", "Mijn werk (secretariaat)")

    @task(3)
    def agenda(self):
        self.get("/facilitering/agenda/", "facilitering agenda")


class Manager(ZvhUser):
    weight = 1
    username = "manager"

    @task
    def overzicht(self):
        self.get("/rapportage/overzicht/", "jaarplan overzicht")


class Fg(ZvhUser):
    weight = 1
    username = "fg"

    @task(2)
    def per_persoon(self):
        self.get(f"/privacy/toegang/personen/{self.data['hot_person']}/", "FG per persoon")

    @task(1)
    def per_gebruiker(self):
        self.get(f"/privacy/toegang/gebruikers/{self.data['regisseur_id']}/", "FG per gebruiker")
