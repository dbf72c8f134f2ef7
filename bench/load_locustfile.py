"""The users of the load benchmark, run by locust (started by ``bench_load.py``; not alone).

Each simulated person signs in once with an account of their own (``BENCH_LOAD_ACCOUNTS``: the
JSON file ``bench_load.py`` writes) and then goes round their flow, pausing on each page before
the next click (``THINK``; locust's own wait comes after the flow's last page):

* **preparer** (单位填报人, a unit whose 自评 is a draft): home, the editor, a field changed (the
  htmx live check of the page, ``preview``), 保存 (the form's save), the editor again showing
  the saved version;
* **department reviewer** (主管部门审核人, a department each): the list of submitted 自评, one
  review page, the workflow step 开始审核 when it is there, a verdict (确认) on one finding;
* **finance reviewer** (财政审核人): the list of 自评 under 财政审核, a review page, a verdict;
  the dashboard when the site has one (``BENCH_LOAD_DASHBOARD``);
* **probe**: ``/health/`` once a second, the trivial view every page is compared with.

A page that answers with anything but what the person expects (a wrong status, a missing
success message) is a failure, not only a 5xx.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import secrets
from pathlib import Path
from typing import Any

from locust import HttpUser, between, constant_pacing, task

from load_pages import CSRF, EDITOR_LINK, REVIEW_LINK, editor_fields, verdict_fields

ACCOUNTS: dict[str, Any] = json.loads(Path(os.environ["BENCH_LOAD_ACCOUNTS"]).read_text())
PEOPLE = int(os.environ.get("BENCH_LOAD_USERS", "50"))
DASHBOARD = os.environ.get("BENCH_LOAD_DASHBOARD", "") == "1"
THINK = between(float(os.environ.get("BENCH_LOAD_THINK_MIN", "1")),
                float(os.environ.get("BENCH_LOAD_THINK_MAX", "3")))
"""Seconds a person spends on a page before the next click."""

RUN = secrets.token_hex(3)
"""This locust process's own mark in every text it saves: the warm-up and the measured run sign
in as the same first preparers, and a save repeating the warm-up's text would change nothing."""
EDITED_FIELD = "narrative.other"
"""十、其他需要说明的情况: free text the preparer rewrites on every round."""

_accounts = {role: itertools.cycle(ACCOUNTS[role]) for role in ("preparers", "department_reviewers",
                                                                "finance_reviewers")}


class Person(HttpUser):
    abstract = True
    wait_time = THINK
    role = ""

    def on_start(self) -> None:
        self.username = next(_accounts[self.role])
        login = self.client.get("/login/", name="login (GET)")
        token = CSRF.search(login.text)
        with self.client.post("/login/", name="login (POST)", allow_redirects=False, catch_response=True,
                              data={"username": self.username, "password": ACCOUNTS["password"], "next": "",
                                    "csrfmiddlewaretoken": token.group(1) if token else ""}) as response:
            if response.status_code != 302:
                response.failure(f"{self.username} not signed in: {response.status_code}")

    def page(self, path: str, name: str, expect: str = "") -> str:
        """GET a page; a failure unless it is 200 and holds ``expect``."""
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} on {path}")
            elif expect and expect not in response.text:
                response.failure(f"{path} lacks {expect!r}")
            return response.text

    def post(self, path: str, name: str, page: str, fields: list[tuple[str, str]] | dict[str, str],
             **headers: str) -> None:
        """POST a form of ``page`` (its CSRF token added); a failure unless it redirects."""
        token = CSRF.search(page)
        data = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if not any(key == "csrfmiddlewaretoken" for key, _ in data):
            data.append(("csrfmiddlewaretoken", token.group(1) if token else ""))
        with self.client.post(path, data=data, name=name, allow_redirects=False, catch_response=True,
                              headers=headers) as response:
            if response.status_code != 302:
                response.failure(f"{response.status_code} on {path}")

    def verdict(self, pk: int, review: str) -> None:
        """确认 the first finding of the review page; the page then says it is recorded."""
        fields = verdict_fields(review)
        if fields is None:
            return
        self.post(f"/evaluations/{pk}/verdict/", "verdict", review, fields | {"verdict": "confirmed"})
        self.page(f"/evaluations/{pk}/review/", "review", "已记录对该问题的结论")


class Preparer(Person):
    fixed_count = PEOPLE // 2
    role = "preparers"

    def on_start(self) -> None:
        super().on_start()
        home = self.page("/", "home")
        found = EDITOR_LINK.search(home)
        self.pk = int(found.group(1)) if found else 0
        self.round = 0

    @task
    def edit_and_save(self) -> None:
        self.page("/", "home")
        self.wait()
        path = f"/evaluations/{self.pk}/"
        editor = self.page(path, "editor", 'id="editor-form"')
        self.wait()  # the field is typed: the live check follows it at once, the save after a look
        self.round += 1
        fields = [(key, f"本单位无其他需要说明的情况（{self.username} {RUN} 第 {self.round} 次核对）")
                  if key == EDITED_FIELD else (key, value) for key, value in editor_fields(editor)]
        token = CSRF.search(editor)
        with self.client.post(f"{path}preview/", data=fields, name="preview (htmx)", catch_response=True,
                              headers={"HX-Request": "true", "X-CSRFToken": token.group(1) if token else ""}
                              ) as response:
            if response.status_code != 200 or 'id="analysis"' not in response.text:
                response.failure(f"preview {response.status_code}")
        self.wait()
        self.post(f"{path}save/", "save", editor, fields)
        self.page(path, "editor", "已保存第")


class DepartmentReviewer(Person):
    fixed_count = PEOPLE * 3 // 10
    role = "department_reviewers"

    @task
    def review(self) -> None:
        listed = self.page("/?status=submitted", "home (list)")
        ids = REVIEW_LINK.findall(listed) or REVIEW_LINK.findall(
            self.page("/?status=department_review", "home (list)"))
        if not ids:
            return
        self.wait()
        pk = int(random.choice(ids))
        review = self.page(f"/evaluations/{pk}/review/", "review", "自动校验发现的问题")
        self.wait()
        if 'data-step="department_start"' in review:
            self.post(f"/evaluations/{pk}/step/department_start/", "step", review, {})
            review = self.page(f"/evaluations/{pk}/review/", "review", "已开始审核（主管部门）")
            self.wait()
        self.verdict(pk, review)


class FinanceReviewer(Person):
    fixed_count = PEOPLE - PEOPLE // 2 - PEOPLE * 3 // 10
    role = "finance_reviewers"

    @task
    def review(self) -> None:
        listed = self.page("/?status=finance_review", "home (list)")
        ids = REVIEW_LINK.findall(listed)
        self.wait()
        if ids:
            pk = int(random.choice(ids))
            review = self.page(f"/evaluations/{pk}/review/", "review", "自动校验发现的问题")
            self.wait()
            self.verdict(pk, review)
            self.wait()
        if DASHBOARD:
            self.page("/dashboard/", "dashboard")


class Probe(HttpUser):
    """A load balancer's health probe: the trivial view, measured beside the pages."""

    fixed_count = 1
    wait_time = constant_pacing(1)

    @task
    def health(self) -> None:
        with self.client.get("/health/", name="health (trivial view)", catch_response=True) as response:
            if response.text != "ok":
                response.failure(f"health {response.status_code}")
