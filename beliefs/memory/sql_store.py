"""SQLModel implementation of :class:`beliefs.memory.store.Store` for SQLite and PostgreSQL.

Evidence is only ever changed by SQL arithmetic on the row (``INSERT .. ON CONFLICT DO UPDATE SET
w = w + x``, capped and cancelled with scalar MIN/MAX), never read-modified-written in Python, so
concurrent writers from several workers cannot lose an update. Observation ids are primary keys:
replaying the same observation is a no-op.

The writes that follow requests arrive in batches (:meth:`SqlStore.apply`): one transaction with
multi-row Core inserts for response records, observations and profiles, the evidence increments
one atomic statement each, and the journal checkpoint in the same transaction.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence

from sqlalchemy import JSON, BigInteger, Column, Float, Index, bindparam, delete, event, func, or_, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Field, Session, SQLModel, create_engine

from beliefs.codec import observation_from, observation_json, response_from, response_json
from beliefs.learning.selfmodel import EvidenceIncrement, Pin, SelfModel, ValueEvidence
from beliefs.records import Identity, Observation, Outcome, ResponseRecord, UserProfile

from .store import Conversation
from .writes import MarkResponse, RecordObservation, SaveResponse, Write

log = logging.getLogger("beliefloop.beliefs")


class BeliefEvidenceRow(SQLModel, table=True):
    __tablename__ = "belief_evidence"
    tenant: str = Field(primary_key=True)
    user_id: str = Field(primary_key=True)
    context: str = Field(primary_key=True)
    dimension: str = Field(primary_key=True)
    value: str = Field(primary_key=True)
    implicit_w: float = 0.0
    explicit_w: float = 0.0
    manual_w: float = 0.0
    observations: int = 0
    updated_at: float = 0.0


class BeliefPinRow(SQLModel, table=True):
    __tablename__ = "belief_pin"
    tenant: str = Field(primary_key=True)
    user_id: str = Field(primary_key=True)
    context: str = Field(primary_key=True)
    dimension: str = Field(primary_key=True)
    value: str
    confidence: float
    updated_at: float


class ObservationRow(SQLModel, table=True):
    __tablename__ = "observation"
    __table_args__ = (Index("ix_observation_user", "tenant", "user_id", "created_at"),
                      Index("ix_observation_tenant_time", "tenant", "created_at"))
    id: str = Field(primary_key=True)
    tenant: str
    user_id: str
    context: str
    kind: str
    response_id: Optional[str] = Field(default=None, index=True)
    features: dict = Field(default_factory=dict, sa_column=Column(JSON))
    deltas: list = Field(default_factory=list, sa_column=Column(JSON))
    created_at: float


class ResponseRow(SQLModel, table=True):
    __tablename__ = "response_record"
    __table_args__ = (Index("ix_response_user", "tenant", "user_id", "created_at"),
                      Index("ix_response_tenant_time", "tenant", "created_at"))
    id: str = Field(primary_key=True)
    tenant: str
    user_id: str
    context: str
    prefix_hash: str
    model: str
    created_at: float
    applied: list = Field(default_factory=list, sa_column=Column(JSON))
    directives: list = Field(default_factory=list, sa_column=Column(JSON))
    text: Optional[str] = None
    text_hash: Optional[str] = None
    completion_id: Optional[str] = Field(default=None, index=True)
    complete: bool = True
    features: dict = Field(default_factory=dict, sa_column=Column(JSON))
    outcome: Optional[str] = None


class JournalCheckpointRow(SQLModel, table=True):
    """How far each process's write journal is applied (written with the writes it covers)."""

    __tablename__ = "journal_checkpoint"
    stream: str = Field(primary_key=True)
    #: 64 bits: a busy process can write more than 2**31 times in its life.
    seq: int = Field(sa_column=Column(BigInteger, nullable=False))
    updated_at: float


class RateBucketRow(SQLModel, table=True):
    """A token bucket shared by every worker (rate limits, failed sign-in throttles)."""

    __tablename__ = "rate_bucket"
    key: str = Field(primary_key=True)
    tokens: float
    #: What the last take granted (read back with RETURNING).
    granted: float
    updated_at: float


class DatabaseFileLost(ConnectionError):
    """The SQLite database file was deleted or replaced under a running process."""


class UserProfileRow(SQLModel, table=True):
    __tablename__ = "user_profile"
    __table_args__ = (Index("ix_profile_tenant_last_seen", "tenant", "last_seen"),)
    tenant: str = Field(primary_key=True)
    user_id: str = Field(primary_key=True)
    first_seen: float
    last_seen: float
    requests: int = 0
    opted_out: bool = False
    consent: bool = True


def _insert_for(engine: Engine):
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def make_engine(database_url: str) -> Engine:
    """An engine tuned for this workload: WAL and a busy timeout on SQLite, pre-ping on PostgreSQL."""
    if database_url.startswith("sqlite"):
        engine = create_engine(database_url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # pragma: no cover - trivial
            cursor = dbapi_connection.cursor()
            # WAL lets readers proceed during the write-behind thread's commits.
            cursor.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit is fsynced, so an admin change answered 2xx survives a power cut and a
            # journal segment may be deleted once its batch committed. Commits are batched, so
            # this is one sync per batch, on the database thread.
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

        return engine
    if database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://"):]
    # A short connect timeout: when the database is down, fail fast and spool, don't hang.
    return create_engine(database_url, pool_pre_ping=True, pool_size=5, max_overflow=5,
                         pool_timeout=5, connect_args={"connect_timeout": 3})


class SqlStore:
    """The SQLModel store; the schema comes from the migrations in ``beliefs/migrations``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._insert = _insert_for(engine)
        # Scalar two-argument MIN/MAX: SQLite spells them min()/max(), PostgreSQL least()/greatest().
        if engine.dialect.name == "postgresql":
            self._greatest, self._least = func.greatest, func.least
        else:
            self._greatest, self._least = func.max, func.min
        self._evidence_sql: dict[tuple[str, bool], tuple[Any, Any]] = {}
        #: Identifies this process's writes in change notifications (it ignores its own).
        self.origin = uuid.uuid4().hex
        self.notifies = engine.dialect.name == "postgresql"
        #: The SQLite file, watched so a deleted or replaced file is noticed (None otherwise).
        self._file: Path | None = None
        self._file_id: tuple[int, int] | None = None
        self._lost: str | None = None
        database = engine.url.database
        if engine.dialect.name == "sqlite" and database and database != ":memory:" \
                and not database.startswith("file:"):
            self._file = Path(database).resolve()
            event.listen(engine, "begin", self._check_file)

    def _check_file(self, _connection: Any = None) -> None:
        """Refuse every transaction once the SQLite file is gone or replaced: its open
        connections would keep writing into an unlinked inode, lost at the next restart."""
        problem = self._file_problem()
        if problem is not None:
            raise DatabaseFileLost(problem)

    def _file_problem(self) -> str | None:
        if self._file is None:
            return None
        if self._lost is not None:
            return self._lost
        try:
            info = os.stat(self._file)
            found: tuple[int, int] | None = (info.st_dev, info.st_ino)
        except FileNotFoundError:
            found = None
        if self._file_id is None and found is not None:
            self._file_id = found  # the first transaction: the file exists now
            return None
        if found != self._file_id:
            what = "deleted" if found is None else "replaced by another file"
            self._lost = (f"the SQLite database {self._file} was {what} while beliefloop was running; "
                          "writes are kept in the journal, not in the lost file. Restore the file or "
                          "restart beliefloop (it recreates the database and replays the journal)")
            log.critical(self._lost)
        return self._lost

    def problems(self) -> list[str]:
        """What is wrong with the store, without a query (empty when nothing is known to be)."""
        problem = self._file_problem()
        return [problem] if problem is not None else []

    def _changed(self, connection: Session | Connection, tenant: str, user_id: str,
                 kind: str = "changed") -> None:
        """Tell other workers that a user's beliefs changed (PostgreSQL NOTIFY, delivered when
        this transaction commits); ``kind`` "forget" when the user's data is gone (erased,
        opted out) and nothing cached about them may be used any more."""
        if self.notifies:
            from .pg_listener import CHANNEL, payload

            connection.execute(text("SELECT pg_notify(:channel, :payload)"),
                               {"channel": CHANNEL, "payload": payload(self.origin, tenant, user_id, kind)})

    def listener_conninfo(self) -> str:
        """libpq connection string for this engine's database (for LISTEN)."""
        return self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)

    @classmethod
    def from_url(cls, database_url: str, *, migrate: bool | None = None) -> "SqlStore":
        """Open a store. ``migrate`` None means: upgrade SQLite on start, and require PostgreSQL
        to be upgraded already (``beliefloop db upgrade``)."""
        from . import migrate as migrations

        store = cls(make_engine(database_url))
        if migrate is None:
            migrate = store.engine.dialect.name == "sqlite"
        if migrate:
            migrations.upgrade(store.engine)
        else:
            migrations.require_current(store.engine)
        return store

    def close(self) -> None:
        self.engine.dispose()

    def health(self) -> str | None:
        """None when the database answers at the schema this code needs, else why not (for
        readiness; a round trip on its own connection, never on the write thread)."""
        from . import migrate as migrations

        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            # SQLite would create a new, empty file; pooled connections still read the old inode.
            if not os.path.exists(url.database):
                return f"the database file {url.database} is gone"
        try:
            current = migrations.current_revision(self.engine)
        except Exception as error:
            cause = getattr(error, "orig", None) or error
            first_line = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
            return f"the database does not answer ({type(cause).__name__}: {first_line})"[:300]
        head = migrations.head_revision()
        if current != head:
            return f"the schema is at {current or 'nothing'}, this beliefloop needs {head} (run `beliefloop db upgrade`)"
        return None

    # -- beliefs ---------------------------------------------------------------------------

    def load_self_model(self, who: Identity) -> SelfModel:
        tenant, user_id = who.key
        model = SelfModel()
        with Session(self.engine) as session:
            rows = session.exec(
                select(BeliefEvidenceRow).where(
                    BeliefEvidenceRow.tenant == tenant, BeliefEvidenceRow.user_id == user_id
                )
            ).scalars()
            for row in rows:
                model.evidence.setdefault((row.context, row.dimension), {})[row.value] = ValueEvidence(
                    row.implicit_w, row.explicit_w, row.manual_w, row.observations, row.updated_at
                )
            pins = session.exec(
                select(BeliefPinRow).where(BeliefPinRow.tenant == tenant, BeliefPinRow.user_id == user_id)
            ).scalars()
            for pin in pins:
                model.pins[(pin.context, pin.dimension)] = Pin(pin.value, pin.confidence, pin.updated_at)
        return model

    def record_observation(self, observation: Observation, increments: Sequence[EvidenceIncrement]) -> bool:
        return bool(self.apply([RecordObservation(observation, tuple(increments))]))

    def _add_evidence(self, connection: Connection, tenant: str, user_id: str, inc: EvidenceIncrement) -> None:
        """Add one increment with SQL arithmetic on the row as it is (never read into Python), so
        concurrent writers cannot lose an update. Mirrors :meth:`SelfModel.add` expression for
        expression: the capped add, then the cancellation from the dimension's other values."""
        column = "explicit_w" if inc.source == "explicit" else "implicit_w"
        upsert, cancel = self._evidence_statements(column, inc.cap is not None)
        first = inc.added(0.0, 0.0, 0.0)
        params = {"p_tenant": tenant, "p_user": user_id, "p_context": inc.context, "p_dimension": inc.dimension,
                  "p_value": inc.value, "p_x": inc.stored_weight, "p_growth": inc.growth,
                  "p_cap": inc.cap if inc.cap is not None else 0.0, "p_at": inc.at,
                  "p_first_implicit": first if column == "implicit_w" else 0.0,
                  "p_first_explicit": first if column == "explicit_w" else 0.0}
        connection.execute(upsert, params)
        if inc.cancel:
            connection.execute(cancel, params)

    def _evidence_statements(self, column: str, capped: bool) -> tuple[Any, Any]:
        """The increment's two statements, built once per (column, capped) with bound parameters
        (building them per increment cost more than running them)."""
        key = (column, capped)
        found = self._evidence_sql.get(key)
        if found is not None:
            return found
        table = BeliefEvidenceRow.__table__
        c = table.c
        greatest, least = self._greatest, self._least
        x = bindparam("p_x", type_=Float)
        growth = bindparam("p_growth", type_=Float)
        added: Any = x
        if capped:
            total = c.implicit_w + c.explicit_w + c.manual_w * growth
            added = least(x, greatest(bindparam("p_cap", type_=Float) - total, 0.0))
        stmt = self._insert(table).values(
            tenant=bindparam("p_tenant"), user_id=bindparam("p_user"), context=bindparam("p_context"),
            dimension=bindparam("p_dimension"), value=bindparam("p_value"),
            implicit_w=bindparam("p_first_implicit", type_=Float),
            explicit_w=bindparam("p_first_explicit", type_=Float), manual_w=0.0,
            observations=1, updated_at=bindparam("p_at", type_=Float),
        )
        upsert = stmt.on_conflict_do_update(
            index_elements=["tenant", "user_id", "context", "dimension", "value"],
            set_={
                column: c[column] + added,
                "observations": c.observations + 1,
                "updated_at": greatest(c.updated_at, stmt.excluded.updated_at),
            },
        )
        # Every right-hand side sees the row as it was before this UPDATE (standard SQL, and so in
        # SQLite and PostgreSQL), exactly like EvidenceIncrement.cancelled.
        cancel = (
            update(table)
            .where(c.tenant == bindparam("p_tenant"), c.user_id == bindparam("p_user"),
                   c.context == bindparam("p_context"), c.dimension == bindparam("p_dimension"),
                   c.value != bindparam("p_value"))
            .values(
                implicit_w=greatest(c.implicit_w - x, 0.0),
                explicit_w=greatest(c.explicit_w - greatest(x - c.implicit_w, 0.0), 0.0),
                manual_w=greatest(c.manual_w - greatest(x - c.implicit_w - c.explicit_w, 0.0) / growth, 0.0),
            )
        )
        self._evidence_sql[key] = (upsert, cancel)
        return upsert, cancel

    def set_manual(self, who: Identity, dimension: str, value: str, manual_weight: float,
                   pin_confidence: float | None, now: float) -> None:
        tenant, user_id, context = who.tenant, who.user, who.context
        with Session(self.engine) as session, session.begin():
            session.execute(delete(BeliefEvidenceRow).where(
                BeliefEvidenceRow.tenant == tenant, BeliefEvidenceRow.user_id == user_id,
                BeliefEvidenceRow.context == context, BeliefEvidenceRow.dimension == dimension))
            session.execute(delete(BeliefPinRow).where(
                BeliefPinRow.tenant == tenant, BeliefPinRow.user_id == user_id,
                BeliefPinRow.context == context, BeliefPinRow.dimension == dimension))
            session.add(BeliefEvidenceRow(
                tenant=tenant, user_id=user_id, context=context, dimension=dimension, value=value,
                manual_w=manual_weight, observations=0, updated_at=now))
            if pin_confidence is not None:
                session.add(BeliefPinRow(tenant=tenant, user_id=user_id, context=context,
                                         dimension=dimension, value=value,
                                         confidence=pin_confidence, updated_at=now))
            self._changed(session, tenant, user_id)

    def delete_belief(self, who: Identity, dimension: str, context: str | None) -> int:
        tenant, user_id = who.key
        removed = 0
        with Session(self.engine) as session, session.begin():
            for row_type in (BeliefEvidenceRow, BeliefPinRow):
                conditions = [row_type.tenant == tenant, row_type.user_id == user_id,
                              row_type.dimension == dimension]
                if context is not None:
                    conditions.append(row_type.context == context)
                removed += session.execute(delete(row_type).where(*conditions)).rowcount
            self._changed(session, tenant, user_id)
        return removed

    def delete_user(self, who: Identity) -> int:
        tenant, user_id = who.key
        removed = 0
        with Session(self.engine) as session, session.begin():
            for row_type in (BeliefEvidenceRow, BeliefPinRow, ObservationRow, ResponseRow, UserProfileRow):
                removed += session.execute(
                    delete(row_type).where(row_type.tenant == tenant, row_type.user_id == user_id)
                ).rowcount
            self._changed(session, tenant, user_id, "forget")
        return removed

    # -- responses -------------------------------------------------------------------------

    def save_response(self, record: ResponseRecord, conversation: Conversation | None = None) -> None:
        self.apply([SaveResponse(record, conversation)])

    def apply(self, writes: Sequence[Write], checkpoint: tuple[str, int] | None = None) -> int:
        """Apply a batch of writes in one transaction; returns how many observations were new.

        Response records and observations go in with multi-row inserts (an id already stored is
        left as it is, so replays change nothing); each user's profile is counted once per batch;
        the evidence of new observations is added in order, one atomic statement per increment;
        outcomes are set in order after the records they name. Only observations notify other
        workers: a saved response changes nobody's beliefs.
        """
        responses: dict[str, SaveResponse] = {}
        observations: dict[str, RecordObservation] = {}
        marks: list[MarkResponse] = []
        for write in writes:
            if isinstance(write, SaveResponse):
                responses[write.record.id] = write
            elif isinstance(write, RecordObservation):
                observations.setdefault(write.observation.id, write)
            else:
                marks.append(write)
        new_observations = 0
        with self.engine.begin() as connection:
            if responses:
                self._insert_responses(connection, list(responses.values()))
            if observations:
                table = ObservationRow.__table__
                inserted = set(connection.execute(
                    self._insert(table).on_conflict_do_nothing(index_elements=["id"]).returning(table.c.id),
                    [observation_json(w.observation) for w in observations.values()],
                ).scalars())
                changed: dict[tuple[str, str], None] = {}
                for write in observations.values():
                    observation = write.observation
                    if observation.id not in inserted:
                        continue
                    new_observations += 1
                    for increment in write.increments:
                        self._add_evidence(connection, observation.tenant, observation.user_id, increment)
                    changed[(observation.tenant, observation.user_id)] = None
                self._changed_many(connection, list(changed))
            for mark in marks:
                connection.execute(update(ResponseRow).where(ResponseRow.id == mark.response_id, _settable(mark.outcome))
                                   .values(outcome=mark.outcome))
            if checkpoint is not None:
                self._checkpoint(connection, *checkpoint)
        return new_observations

    def _insert_responses(self, connection: Connection, writes: list[SaveResponse]) -> None:
        table = ResponseRow.__table__
        inserted = set(connection.execute(
            self._insert(table).on_conflict_do_nothing(index_elements=["id"]).returning(table.c.id),
            [_response_values(w.record, w.conversation) for w in writes],
        ).scalars())
        # Each user's profile once per batch: first/last seen and the number of new records.
        profiles: dict[tuple[str, str], dict[str, Any]] = {}
        for write in writes:
            record = write.record
            if record.id not in inserted:
                continue
            row = profiles.get((record.tenant, record.user_id))
            if row is None:
                profiles[(record.tenant, record.user_id)] = {
                    "tenant": record.tenant, "user_id": record.user_id, "first_seen": record.created_at,
                    "last_seen": record.created_at, "requests": 1, "opted_out": False, "consent": True}
            else:
                row["first_seen"] = min(row["first_seen"], record.created_at)
                row["last_seen"] = max(row["last_seen"], record.created_at)
                row["requests"] += 1
        if profiles:
            profile = UserProfileRow.__table__
            stmt = self._insert(profile)
            connection.execute(stmt.on_conflict_do_update(
                index_elements=["tenant", "user_id"],
                set_={"last_seen": self._greatest(profile.c.last_seen, stmt.excluded.last_seen),
                      "requests": profile.c.requests + stmt.excluded.requests}),
                list(profiles.values()))

    def _changed_many(self, connection: Connection, users: list[tuple[str, str]]) -> None:
        if self.notifies and users:
            from .pg_listener import CHANNEL, payload

            connection.execute(text("SELECT pg_notify(:channel, p) FROM unnest(CAST(:payloads AS text[])) AS p"),
                               {"channel": CHANNEL,
                                "payloads": [payload(self.origin, tenant, user) for tenant, user in users]})

    def _checkpoint(self, connection: Connection, stream: str, seq: int) -> None:
        table = JournalCheckpointRow.__table__
        stmt = self._insert(table).values(stream=stream, seq=seq, updated_at=_now())
        connection.execute(stmt.on_conflict_do_update(
            index_elements=["stream"],
            set_={"seq": self._greatest(table.c.seq, stmt.excluded.seq), "updated_at": stmt.excluded.updated_at}))

    def journal_checkpoint(self, stream: str) -> int:
        """The last write of journal ``stream`` known to be applied (0: none)."""
        with self.engine.connect() as connection:
            seq = connection.execute(select(JournalCheckpointRow.seq).where(
                JournalCheckpointRow.stream == stream)).scalar()
        return int(seq or 0)

    def forget_journal(self, stream: str) -> None:
        """Drop the checkpoint of a journal whose files are gone."""
        with self.engine.begin() as connection:
            connection.execute(delete(JournalCheckpointRow).where(JournalCheckpointRow.stream == stream))

    # -- user profiles ---------------------------------------------------------------------

    def get_profile(self, who: Identity) -> UserProfile | None:
        with Session(self.engine) as session:
            row = session.get(UserProfileRow, who.key)
            return _profile(row) if row else None

    def list_profiles(self, tenant: str, limit: int, offset: int = 0) -> list[UserProfile]:
        with Session(self.engine) as session:
            rows = session.exec(
                select(UserProfileRow).where(UserProfileRow.tenant == tenant)
                .order_by(UserProfileRow.last_seen.desc()).limit(limit).offset(offset)
            ).scalars()
            return [_profile(row) for row in rows]

    def set_flags(self, who: Identity, now: float, *, opted_out: bool | None = None,
                  consent: bool | None = None) -> None:
        tenant, user_id = who.key
        table = UserProfileRow.__table__
        flags = {name: value for name, value in (("opted_out", opted_out), ("consent", consent)) if value is not None}
        # One upsert: another worker may be creating the same profile at this moment.
        stmt = self._insert(table).values(tenant=tenant, user_id=user_id, first_seen=now, last_seen=now,
                                          requests=0, opted_out=bool(opted_out), consent=consent is not False)
        stmt = stmt.on_conflict_do_update(index_elements=["tenant", "user_id"], set_=flags) if flags \
            else stmt.on_conflict_do_nothing(index_elements=["tenant", "user_id"])
        with self.engine.begin() as connection:
            connection.execute(stmt)
            self._changed(connection, tenant, user_id, "forget" if opted_out else "changed")

    def get_response(self, tenant: str | None, response_id: str) -> ResponseRecord | None:
        with Session(self.engine) as session:
            query = select(ResponseRow).where(
                or_(ResponseRow.id == response_id, ResponseRow.completion_id == response_id)
            )
            if tenant is not None:
                query = query.where(ResponseRow.tenant == tenant)
            row = session.exec(query.order_by(ResponseRow.created_at.desc()).limit(1)).scalars().first()
            return _response_record(row) if row else None

    def find_responses(self, tenant: str, response_id: str, user_id: str | None = None) -> list[ResponseRecord]:
        """Records of ``tenant`` with this response id or completion id: the newest of
        ``user_id`` when given, else the newest of each user it matches (at most two: two
        already make a completion id ambiguous)."""
        match = [ResponseRow.tenant == tenant,
                 or_(ResponseRow.id == response_id, ResponseRow.completion_id == response_id)]
        with Session(self.engine) as session:
            if user_id is not None:
                users = [user_id]
            else:
                users = list(session.execute(
                    select(ResponseRow.user_id).where(*match).distinct().limit(2)).scalars())
            found = []
            for user in users:
                row = session.exec(select(ResponseRow).where(*match, ResponseRow.user_id == user)
                                   .order_by(ResponseRow.created_at.desc()).limit(1)).scalars().first()
                if row is not None:
                    found.append(_response_record(row))
            return found

    def response_ids_since(self, who: Identity, since: float, limit: int) -> list[str]:
        """Ids of the user's responses created at or after ``since``, newest first (cheap: no
        record is decoded; a worker asks for the records it does not know yet)."""
        tenant, user_id = who.key
        with self.engine.connect() as connection:
            return list(connection.execute(
                select(ResponseRow.id).where(ResponseRow.tenant == tenant, ResponseRow.user_id == user_id,
                                             ResponseRow.created_at >= since)
                .order_by(ResponseRow.created_at.desc()).limit(limit)).scalars())

    def recent_responses(self, who: Identity, since: float, limit: int) -> list[ResponseRecord]:
        tenant, user_id = who.key
        with Session(self.engine) as session:
            rows = session.exec(
                select(ResponseRow)
                .where(ResponseRow.tenant == tenant, ResponseRow.user_id == user_id,
                       ResponseRow.created_at >= since)
                .order_by(ResponseRow.created_at.desc())
                .limit(limit)
            ).scalars()
            return [_response_record(row) for row in rows]

    def mark_response(self, response_id: str, outcome: Outcome) -> None:
        self.apply([MarkResponse(response_id, outcome)])

    # -- observations ----------------------------------------------------------------------

    def observations(self, who: Identity, limit: int) -> list[Observation]:
        tenant, user_id = who.key
        with Session(self.engine) as session:
            rows = session.exec(
                select(ObservationRow)
                .where(ObservationRow.tenant == tenant, ObservationRow.user_id == user_id)
                .order_by(ObservationRow.created_at.desc())
                .limit(limit)
            ).scalars()
            return [_observation(row) for row in rows]

    def observations_for_response(self, response_id: str) -> list[Observation]:
        with Session(self.engine) as session:
            rows = session.exec(
                select(ObservationRow)
                .where(ObservationRow.response_id == response_id)
                .order_by(ObservationRow.created_at)
            ).scalars()
            return [_observation(row) for row in rows]

    # -- tenant-wide reads for dashboards --------------------------------------------------

    def observations_since(self, tenant: str, since: float, limit: int) -> list[Observation]:
        with Session(self.engine) as session:
            rows = session.exec(
                select(ObservationRow)
                .where(ObservationRow.tenant == tenant, ObservationRow.created_at >= since)
                .order_by(ObservationRow.created_at.desc())
                .limit(limit)
            ).scalars()
            return [_observation(row) for row in rows]

    def responses_since(self, tenant: str, since: float, limit: int) -> list[ResponseRecord]:
        # Named columns, not the row: the assistant text is the bulk of a record and is not needed.
        columns = [c for c in ResponseRow.__table__.c if c.name != "text"]
        with Session(self.engine) as session:
            rows = session.execute(
                select(*columns)
                .where(ResponseRow.tenant == tenant, ResponseRow.created_at >= since)
                .order_by(ResponseRow.created_at.desc())
                .limit(limit)
            ).mappings()
            return [_response_record(row) for row in rows]

    def list_pins(self, tenant: str, limit: int) -> list[tuple[str, str, str, Pin]]:
        with Session(self.engine) as session:
            rows = session.exec(
                select(BeliefPinRow).where(BeliefPinRow.tenant == tenant)
                .order_by(BeliefPinRow.updated_at.desc()).limit(limit)
            ).scalars()
            return [(row.user_id, row.context, row.dimension, Pin(row.value, row.confidence, row.updated_at))
                    for row in rows]

    def load_self_models(self, tenant: str, user_ids: Sequence[str]) -> dict[str, SelfModel]:
        models: dict[str, SelfModel] = {}
        if not user_ids:
            return models
        wanted = list(dict.fromkeys(user_ids))
        with Session(self.engine) as session:
            rows = session.exec(
                select(BeliefEvidenceRow).where(BeliefEvidenceRow.tenant == tenant,
                                                BeliefEvidenceRow.user_id.in_(wanted))
            ).scalars()
            for row in rows:
                model = models.setdefault(row.user_id, SelfModel())
                model.evidence.setdefault((row.context, row.dimension), {})[row.value] = ValueEvidence(
                    row.implicit_w, row.explicit_w, row.manual_w, row.observations, row.updated_at
                )
            pins = session.exec(
                select(BeliefPinRow).where(BeliefPinRow.tenant == tenant, BeliefPinRow.user_id.in_(wanted))
            ).scalars()
            for pin in pins:
                models.setdefault(pin.user_id, SelfModel()).pins[(pin.context, pin.dimension)] = Pin(
                    pin.value, pin.confidence, pin.updated_at)
        return models

    def confident_users(self, tenant: str, context: str, growth: float, min_net: float,
                        min_pin: float) -> dict[tuple[str, str], int]:
        # One aggregate in SQL: each row's current weight, the (user, dimension) totals beside
        # it, and a count of the rows whose net evidence reaches min_net (so they lead).
        e = BeliefEvidenceRow.__table__.c
        weight = (e.implicit_w + e.explicit_w) / growth + e.manual_w
        rows = (select(e.user_id, e.dimension, e.value, weight.label("w"))
                .where(e.tenant == tenant, e.context == context).subquery("w"))
        totals = (select(rows.c.user_id, rows.c.dimension, func.sum(rows.c.w).label("total"))
                  .group_by(rows.c.user_id, rows.c.dimension).subquery("t"))
        p = BeliefPinRow.__table__.c
        pinned = (select(p.user_id).where(p.tenant == tenant, p.context == context,
                                          p.user_id == rows.c.user_id, p.dimension == rows.c.dimension)
                  .exists())
        learned = (select(rows.c.dimension, rows.c.value, func.count().label("users"))
                   .join(totals, (totals.c.user_id == rows.c.user_id) & (totals.c.dimension == rows.c.dimension))
                   .where(2.0 * rows.c.w - totals.c.total >= min_net, ~pinned)
                   .group_by(rows.c.dimension, rows.c.value))
        pins = (select(p.dimension, p.value, func.count().label("users"))
                .where(p.tenant == tenant, p.context == context, p.confidence >= min_pin)
                .group_by(p.dimension, p.value))
        counts: dict[tuple[str, str], int] = {}
        with self.engine.connect() as connection:
            for statement in (learned, pins):
                for dimension, value, users in connection.execute(statement):
                    counts[(dimension, value)] = counts.get((dimension, value), 0) + int(users)
        return counts

    # -- exports and flywheel metrics (read-only) ------------------------------------------

    #: Ids per ``IN (...)`` clause: well under SQLite's and PostgreSQL's parameter limits.
    _IN_CHUNK = 500

    def export_observations(self, tenant: str, since: float, kinds: Sequence[str]) -> list[Observation]:
        with Session(self.engine) as session:
            rows = session.exec(
                select(ObservationRow)
                .where(ObservationRow.tenant == tenant, ObservationRow.created_at >= since,
                       ObservationRow.kind.in_(list(kinds)))
                .order_by(ObservationRow.created_at, ObservationRow.id)
            ).scalars()
            return [_observation(row) for row in rows]

    def responses_by_ids(self, response_ids: Sequence[str]) -> list[ResponseRecord]:
        ids = list(dict.fromkeys(response_ids))
        found: list[ResponseRecord] = []
        with Session(self.engine) as session:
            for start in range(0, len(ids), self._IN_CHUNK):
                rows = session.exec(
                    select(ResponseRow).where(ResponseRow.id.in_(ids[start:start + self._IN_CHUNK]))
                ).scalars()
                found.extend(_response_record(row) for row in rows)
        return found

    def conversations_of(self, response_ids: Sequence[str]) -> dict[str, Conversation]:
        ids = list(dict.fromkeys(response_ids))
        found: dict[str, Conversation] = {}
        with Session(self.engine) as session:
            for start in range(0, len(ids), self._IN_CHUNK):
                rows = session.execute(
                    select(ResponseRow.id, ResponseRow.features)
                    .where(ResponseRow.id.in_(ids[start:start + self._IN_CHUNK]))
                ).all()
                for response_id, features in rows:
                    messages = (features or {}).get("messages")
                    if isinstance(messages, list):
                        found[response_id] = messages
        return found

    def response_after(self, tenant: str, user_id: str, at: float) -> ResponseRecord | None:
        with Session(self.engine) as session:
            row = session.exec(
                select(ResponseRow)
                .where(ResponseRow.tenant == tenant, ResponseRow.user_id == user_id,
                       ResponseRow.created_at >= at)
                .order_by(ResponseRow.created_at).limit(1)
            ).scalars().first()
            return _response_record(row) if row else None

    def profiles_of(self, tenant: str, user_ids: Sequence[str]) -> list[UserProfile]:
        ids = list(dict.fromkeys(user_ids))
        found: list[UserProfile] = []
        with Session(self.engine) as session:
            for start in range(0, len(ids), self._IN_CHUNK):
                rows = session.exec(
                    select(UserProfileRow).where(UserProfileRow.tenant == tenant,
                                                 UserProfileRow.user_id.in_(ids[start:start + self._IN_CHUNK]))
                ).scalars()
                found.extend(_profile(row) for row in rows)
        return found

    def response_outcomes(self, tenant: str, since: float) -> list[ResponseRecord]:
        # Named columns and one JSON key: the text and the stored messages are the bulk of a row.
        arm = ResponseRow.__table__.c.features["arm"].as_string().label("arm")
        columns = [ResponseRow.id, ResponseRow.tenant, ResponseRow.user_id, ResponseRow.context,
                   ResponseRow.prefix_hash, ResponseRow.model, ResponseRow.created_at,
                   ResponseRow.applied, ResponseRow.complete, ResponseRow.outcome, arm]
        with Session(self.engine) as session:
            rows = session.execute(
                select(*columns)
                .where(ResponseRow.tenant == tenant, ResponseRow.created_at >= since)
                .order_by(ResponseRow.created_at)
            ).mappings()
            return [_response_record(row) for row in rows]

    # -- privacy: export and retention -----------------------------------------------------

    def export_user(self, who: Identity) -> dict[str, Any]:
        """Everything stored about one user, as plain JSON-ready data."""
        tenant, user_id = who.key
        with Session(self.engine) as session:
            def rows(row_type: Any, order: Any = None) -> list[dict[str, Any]]:
                query = select(row_type).where(row_type.tenant == tenant, row_type.user_id == user_id)
                if order is not None:
                    query = query.order_by(order)
                return [row.model_dump() for row in session.exec(query).scalars()]

            profile = session.get(UserProfileRow, (tenant, user_id))
            return {
                "profile": profile.model_dump() if profile else None,
                "evidence": rows(BeliefEvidenceRow),
                "pins": rows(BeliefPinRow),
                "observations": rows(ObservationRow, ObservationRow.created_at),
                "responses": rows(ResponseRow, ResponseRow.created_at),
            }

    def attach_comparison(self, response_id: str, comparison: Mapping[str, Any]) -> bool:
        """Keep the generic answer fetched for comparison beside ``response_id``'s own text (as
        that record's ``comparison`` feature, cleared with the text by :meth:`purge`). False when
        the record is not stored (yet)."""
        with Session(self.engine) as session, session.begin():
            row = session.get(ResponseRow, response_id)
            if row is None:
                return False
            row.features = {**(row.features or {}), "comparison": dict(comparison)}
            return True

    def purge(self, text_before: float, observations_before: float) -> dict[str, int]:
        """Retention: drop response texts, kept conversations and edited texts older than
        ``text_before`` (hashes, outcomes and features stay), and observations and response
        records older than ``observations_before``. Returns counts per kind of removal."""
        counts = {"texts_cleared": 0, "edits_cleared": 0, "observations_deleted": 0, "responses_deleted": 0}
        with Session(self.engine) as session, session.begin():
            counts["observations_deleted"] = session.execute(
                delete(ObservationRow).where(ObservationRow.created_at < observations_before)).rowcount
            counts["responses_deleted"] = session.execute(
                delete(ResponseRow).where(ResponseRow.created_at < observations_before)).rowcount
            old = session.exec(select(ResponseRow).where(
                ResponseRow.created_at < text_before, ResponseRow.text.is_not(None))).scalars()
            for row in old:
                row.text = None
                row.features = {k: v for k, v in (row.features or {}).items() if k not in _TEXT_FEATURES}
                counts["texts_cleared"] += 1
            edits = session.exec(select(ObservationRow).where(
                ObservationRow.created_at < text_before, ObservationRow.kind == "edit")).scalars()
            for row in edits:
                if row.features and "edited_text" in row.features:
                    row.features = {k: v for k, v in row.features.items() if k != "edited_text"}
                    counts["edits_cleared"] += 1
        return counts


#: Features of a response record that hold text, cleared with it: the conversation, and the
#: generic answer fetched for comparison anchoring.
_TEXT_FEATURES = frozenset({"messages", "comparison"})


def _settable(outcome: str) -> Any:
    """Outcomes are set once; only "regenerated" may later become what the user did with the
    candidate (mirrors ``SelfModelService._mark``)."""
    if outcome == "regenerated":
        return ResponseRow.outcome.is_(None)
    return or_(ResponseRow.outcome.is_(None), ResponseRow.outcome == "regenerated")


def _profile(row: UserProfileRow) -> UserProfile:
    return UserProfile(row.tenant, row.user_id, row.first_seen, row.last_seen, row.requests,
                       row.opted_out, row.consent)


def _observation(row: ObservationRow) -> Observation:
    return observation_from(row.model_dump())


def _response_values(record: ResponseRecord, conversation: Conversation | None = None) -> dict[str, Any]:
    """A response record as the columns of its row."""
    data = response_json(record)
    # Two loose fields share one JSON column (no migration): the arm, and the conversation the
    # client sent, which exports read and retention clears with the text.
    arm = data.pop("arm")
    extra: dict[str, Any] = {"arm": arm} if arm is not None else {}
    if conversation is not None:
        extra["messages"] = conversation
    data["features"] = extra
    return data


def _now() -> float:
    return time.time()


def _response_record(row: ResponseRow | Mapping[str, Any]) -> ResponseRecord:
    data = dict(row.model_dump() if isinstance(row, ResponseRow) else row)
    features = data.pop("features", None) or {}
    return response_from({**data, "arm": data.get("arm", features.get("arm"))})


__all__ = ["SqlStore", "make_engine"]
