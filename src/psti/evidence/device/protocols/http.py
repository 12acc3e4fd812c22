"""HTTP(S): Basic and Digest authentication, and HTML login forms.

A form login is judged against a baseline: the answer to a random password is what a
refusal looks like on this device; an answer that differs from it and no longer asks
for a password is a login. That keeps pages that always answer 200 from looking like
successes.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx

from psti.evidence.device.model import Attempt, Credential, LoginForm, Outcome, Service
from psti.evidence.device.protocols._text import FAILURE_WORDS, LOCKOUT_WORDS, text

MAX_BODY = 256 * 1024
USER_FIELD_HINTS = ("user", "login", "name", "account", "email", "id")


class _FormParser(HTMLParser):
    """The first form with a password input, and the page's title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, object]] = []
        self._current: dict[str, object] | None = None
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "form":
            self._current = {"action": a.get("action", ""), "method": a.get("method", "get").lower(), "inputs": []}
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None:
            inputs = self._current["inputs"]
            assert isinstance(inputs, list)
            inputs.append((a.get("type", "text").lower(), a.get("name", ""), a.get("value", "")))
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def find_login_form(html: str) -> tuple[LoginForm | None, str]:
    parser = _FormParser()
    parser.feed(html[:MAX_BODY])
    for form in parser.forms:
        inputs = form["inputs"]
        assert isinstance(inputs, list)
        password = next((name for kind, name, _ in inputs if kind == "password" and name), None)
        if password is None:
            continue
        texts = [name for kind, name, _ in inputs if kind in ("text", "email", "") and name]
        user = next((n for n in texts if any(h in n.lower() for h in USER_FIELD_HINTS)), texts[0] if texts else None)
        hidden = tuple((name, value) for kind, name, value in inputs if kind == "hidden" and name)
        return LoginForm(str(form["action"]), str(form["method"]), user, password, hidden), parser.title.strip()
    return None, parser.title.strip()


def base_url(service: Service) -> str:
    host = f"[{service.address}]" if ":" in service.address else service.address
    return f"{service.protocol}://{host}:{service.port}"


def client(timeout: float) -> httpx.Client:
    # A device under test has a self-signed certificate: its identity is not what is tested.
    return httpx.Client(verify=False, timeout=timeout, follow_redirects=False,
                        headers={"User-Agent": "psti-probe"})


def _bounded(response: httpx.Response) -> bytes:
    return response.content[:MAX_BODY]


def attempt(service: Service, cred: Credential, timeout: float) -> Attempt:
    if service.auth == "form" and service.form is not None:
        return _form_attempt(service, cred, timeout)
    url = base_url(service) + service.path
    auth: httpx.Auth = (httpx.DigestAuth(cred.user, cred.password) if service.auth == "digest"
                        else httpx.BasicAuth(cred.user, cred.password))
    transcript = [f"> GET {service.path} ({service.auth} user={cred.user!r} password={cred.shown!r})"]
    try:
        with client(timeout) as c:
            r = c.get(url, auth=auth)
    except httpx.HTTPError as exc:
        return Attempt(Outcome.ERROR, f"{type(exc).__name__}: {exc}", transcript)
    transcript.append(f"< {r.status_code} {r.reason_phrase}")
    if r.status_code in (429, 423) or (r.status_code == 403 and LOCKOUT_WORDS.search(_bounded(r))):
        return Attempt(Outcome.LOCKOUT, f"HTTP {r.status_code}", transcript)
    if r.status_code in (401, 403):
        return Attempt(Outcome.FAILURE, f"HTTP {r.status_code}", transcript)
    if r.status_code < 400:
        return Attempt(Outcome.SUCCESS, f"HTTP {r.status_code}", transcript)
    return Attempt(Outcome.ERROR, f"HTTP {r.status_code}", transcript)


@dataclass(frozen=True)
class _Answer:
    status: int
    location: str
    asks_password: bool
    refusal_words: bool

    def key(self) -> tuple[int, str, bool]:
        return (self.status, self.location, self.asks_password)


def _submit(service: Service, user: str, password: str, timeout: float) -> tuple[_Answer, httpx.Response]:
    form = service.form
    assert form is not None
    page = base_url(service) + service.path
    target = urljoin(page, form.action or service.path)
    if urlsplit(target).netloc != urlsplit(page).netloc:
        raise httpx.InvalidURL(f"the login form posts to another host ({target}); not followed")
    data = dict(form.hidden)
    if form.user_field:
        data[form.user_field] = user
    data[form.password_field] = password
    with client(timeout) as c:
        r = c.post(target, data=data) if form.method == "post" else c.get(target, params=data)
    body = _bounded(r)
    login_again, _ = find_login_form(body.decode("utf-8", "replace"))
    answer = _Answer(r.status_code, r.headers.get("location", ""), login_again is not None,
                     bool(FAILURE_WORDS.search(body)))
    return answer, r


def learn_refusal(service: Service, timeout: float) -> tuple[int, str, bool]:
    """What the form answers to a random password: this device's refusal."""
    answer, _ = _submit(service, "admin", "psti-" + secrets.token_hex(12), timeout)
    return answer.key()


def _form_attempt(service: Service, cred: Credential, timeout: float) -> Attempt:
    transcript = [f"> {service.form.method.upper() if service.form else 'POST'} form "
                  f"user={cred.user!r} password={cred.shown!r}"]
    try:
        if service.refusal is None:
            service.refusal = learn_refusal(service, timeout)
        answer, response = _submit(service, cred.user, cred.password, timeout)
    except httpx.HTTPError as exc:
        return Attempt(Outcome.ERROR, f"{type(exc).__name__}: {exc}", transcript)
    transcript.append(f"< {answer.status} {response.reason_phrase} {answer.location}".rstrip())
    transcript.append("< " + text(_bounded(response), 200))
    if answer.status in (423, 429) or LOCKOUT_WORDS.search(_bounded(response)):
        return Attempt(Outcome.LOCKOUT, f"HTTP {answer.status}: lock-out signs", transcript)
    if answer.key() == service.refusal or answer.asks_password or answer.refusal_words or answer.status >= 400:
        return Attempt(Outcome.FAILURE, "the answer looks like a refusal", transcript)
    return Attempt(Outcome.SUCCESS, "the answer differs from a refusal and asks for no password", transcript)
