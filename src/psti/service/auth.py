"""Accounts, sessions, API tokens, CSRF and rate limits.

Passwords are hashed with argon2id. A browser session is a random cookie whose sha256
is stored with a CSRF token; every unsafe request made with the cookie must echo that
token (form field `csrf_token` or header `X-CSRF-Token`). Automation uses bearer API
tokens (`psti_…`), which carry no ambient authority, so they need no CSRF token.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from psti.registry.tokens import token_digest
from psti.service.errors import Forbidden, TooManyRequests, Unauthorised
from psti.store import db as store_db
from psti.store.models import ApiToken, LoginSession, RateCounter, User, utcnow

# OWASP's argon2id minimum (19 MiB, 2 passes): strong, and quick enough for a login per request.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
_dummy: list[str] = []


def _dummy_hash() -> str:
    """Verified against when the account does not exist, so timing does not reveal accounts."""
    if not _dummy:
        _dummy.append(_hasher.hash("not a real password"))
    return _dummy[0]


SESSION_COOKIE = "psti_session"
ANON_CSRF_COOKIE = "psti_csrf"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class Principal:
    """Who is asking. Anonymous callers have user_id None."""

    user_id: int | None = None
    email: str = ""
    role: str = "anonymous"
    organisation_id: int | None = None
    csrf_token: str | None = None
    via: str = "none"  # session | token | none
    token_id: int | None = None  # the API token used, when via == "token"
    token_last_used: dt.datetime | None = None

    @property
    def anonymous(self) -> bool:
        return self.user_id is None

    @property
    def actor(self) -> str:
        return "anonymous" if self.anonymous else f"user:{self.user_id}:{self.email}"

    def require(self, *roles: str) -> Principal:
        if self.anonymous:
            raise Unauthorised("sign in first (or send an API token)")
        if roles and self.role not in roles:
            raise Forbidden(f"this needs the role {' or '.join(roles)}; you are signed in as {self.role}")
        return self

    def require_org(self, *roles: str) -> int:
        self.require(*roles)
        if self.organisation_id is None:
            raise Forbidden("your account does not belong to an organisation")
        return self.organisation_id


ANONYMOUS = Principal()


def create_session(session: Session, user: User, hours: int) -> tuple[str, LoginSession]:
    token = secrets.token_urlsafe(32)
    row = LoginSession(
        token_hash=token_digest(token),
        csrf_token=secrets.token_urlsafe(24),
        user_id=user.id,
        expires_at=utcnow() + dt.timedelta(hours=hours),
    )
    session.add(row)
    session.flush()
    return token, row


def create_api_token(session: Session, user: User, name: str, days: int = 90) -> str:
    token = "psti_" + secrets.token_urlsafe(32)
    row = ApiToken(
        token_hash=token_digest(token),
        name=name[:100] or "token",
        user_id=user.id,
        expires_at=utcnow() + dt.timedelta(days=days),
    )
    session.add(row)
    session.flush()
    return token


def _principal(user: User, csrf: str | None, via: str, token: ApiToken | None = None) -> Principal:
    return Principal(
        user.id,
        user.email,
        user.role,
        user.organisation_id,
        csrf,
        via,
        token.id if token else None,
        _aware(token.last_used_at) if token and token.last_used_at else None,
    )


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


# A token's last use is recorded to this resolution, so using it costs a write at most this often.
LAST_USED_RESOLUTION = dt.timedelta(minutes=10)


def note_token_use(factory: sessionmaker[Session], who: Principal) -> None:
    """Record when an API token was last used, in a transaction of its own after the request's
    (at most once per `LAST_USED_RESOLUTION`, so reads stay reads)."""
    if who.token_id is None:
        return
    now = utcnow()
    if who.token_last_used is not None and now - who.token_last_used < LAST_USED_RESOLUTION:
        return
    with factory() as db, db.begin():
        row = db.get(ApiToken, who.token_id)
        if row is not None:
            row.last_used_at = now


def resolve(session: Session, cookie: str | None, authorization: str | None) -> Principal:
    if authorization:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise Unauthorised("the Authorization header must be 'Bearer psti_…'")
        row = session.execute(
            select(ApiToken, User)
            .join(User, User.id == ApiToken.user_id)
            .where(ApiToken.token_hash == token_digest(token.strip()), ApiToken.revoked.is_(False))
        ).first()
        if row is None or not row[1].active:
            raise Unauthorised("unknown or revoked API token")
        expires = row[0].expires_at
        if expires is not None and (expires if expires.tzinfo else expires.replace(tzinfo=dt.UTC)) <= utcnow():
            raise Unauthorised("this API token has expired: create a new one")
        return _principal(row[1], None, "token", row[0])
    if cookie:
        srow = session.execute(
            select(LoginSession, User)
            .join(User, User.id == LoginSession.user_id)
            .where(LoginSession.token_hash == token_digest(cookie))
        ).first()
        if srow is not None and srow[1].active:
            expires = srow[0].expires_at
            if expires.tzinfo is None:
                expires = expires.replace(tzinfo=dt.UTC)
            if expires > utcnow():
                return _principal(srow[1], srow[0].csrf_token, "session")
    return ANONYMOUS


class RateLimiter:
    """Limits per key over a sliding window, counted in the database (table `rate_counter`)
    so every server process (`psti serve --workers N`) shares them.

    Each window of `seconds` has a counter; the estimate is this window's count plus the
    previous window's, weighted by how much of it still overlaps the sliding window. An
    increment is one atomic upsert, so concurrent processes never lose a count.
    Refused attempts count too: hammering a limit keeps it shut.
    """

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory

    def hit(self, key: str, limit: tuple[int, int], what: str) -> None:
        count, window = limit
        now = time.time()
        slot = int(now // window)
        name = f"{key}/{window}"[:300]
        with self.factory() as db, db.begin():
            current = self._increment(db, name, slot, (slot + 2) * window)
            previous = (
                db.execute(select(RateCounter.hits).where(RateCounter.key == name, RateCounter.slot == slot - 1))
                .scalars()
                .first()
                or 0
            )
            if secrets.randbelow(200) == 0:  # now and then, drop counters no window can see
                db.execute(delete(RateCounter).where(RateCounter.expires_at < int(now)))
        into = (now - slot * window) / window  # how far into this window, 0..1
        if previous * (1 - into) + current <= count:
            return
        if current > count:  # this window alone is over: wait for the next one and its overlap
            retry = (slot + 1) * window - now + window * (1 - count / current)
        else:  # the previous window's share must shrink to make room
            retry = window * (1 - into - (count - current) / max(previous, 1))
        seconds = max(1, int(retry) + 1)
        raise TooManyRequests(f"too many {what}; try again in {seconds} s", seconds)

    def add(self, key: str, window: int) -> None:
        """Count one event under `key` in this window, without checking any limit."""
        slot = int(time.time() // window)
        with self.factory() as db, db.begin():
            self._increment(db, f"{key}/{window}"[:300], slot, (slot + 2) * window)

    def slots(self, key: str, window: int) -> tuple[int, int, float]:
        """This window's count, the previous window's, and how far into this window we are (0..1)."""
        now = time.time()
        slot = int(now // window)
        name = f"{key}/{window}"[:300]
        with store_db.reading(), self.factory() as db:
            rows = dict(
                db.execute(
                    select(RateCounter.slot, RateCounter.hits).where(
                        RateCounter.key == name, RateCounter.slot.in_((slot - 1, slot))
                    )
                ).all()
            )
        return int(rows.get(slot, 0)), int(rows.get(slot - 1, 0)), (now - slot * window) / window

    def remember(self, key: str, seconds: int) -> None:
        """A marker under `key` that lasts `seconds` from now (renewed if it exists)."""
        expires = int(time.time()) + seconds
        with self.factory() as db, db.begin():
            upsert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
            db.execute(
                upsert(RateCounter)
                .values(key=key[:300], slot=0, hits=1, expires_at=expires)
                .on_conflict_do_update(index_elements=[RateCounter.key, RateCounter.slot], set_={"expires_at": expires})
            )

    def remembered(self, key: str) -> bool:
        with store_db.reading(), self.factory() as db:
            return (
                db.execute(
                    select(RateCounter.key).where(
                        RateCounter.key == key[:300], RateCounter.slot == 0, RateCounter.expires_at > int(time.time())
                    )
                ).first()
                is not None
            )

    @staticmethod
    def _increment(db: Session, key: str, slot: int, expires: int) -> int:
        upsert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
        stmt = (
            upsert(RateCounter)
            .values(key=key, slot=slot, hits=1, expires_at=expires)
            .on_conflict_do_update(
                index_elements=[RateCounter.key, RateCounter.slot], set_={"hits": RateCounter.hits + 1}
            )
            .returning(RateCounter.hits)
        )
        return int(db.execute(stmt).scalar_one())

    def reset(self) -> None:
        with self.factory() as db, db.begin():
            db.execute(delete(RateCounter))
