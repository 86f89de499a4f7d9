-- What the service records, in one database: H2 in a file under the data directory by default, PostgreSQL by
-- configuration. The same migrations run on both, so they use only what both take alike.

-- Every decision the service hands out, in the order it was recorded. Each row's hash is the SHA-256 of the
-- previous row's hash and of its own fields (see register/Chain.java for the exact text), so a row changed,
-- removed or put in afterwards breaks the chain from there on. input and answer are the decision's personal
-- data: they are kept where the service is configured to keep them and erased (set to null) after their
-- retention period; their digests stay in the chain.
create table decisions (
    seq             bigint       not null primary key,
    id              varchar(40)  not null unique,
    kind            varchar(20)  not null,  -- EVALUATION, CERTIFICATION, SWEEP_CLAIM
    made_at         timestamp with time zone not null,
    caller          varchar(200) not null,
    caller_role     varchar(40)  not null,  -- officer, auditor, policy-admin, or public
    region          varchar(6)   not null,  -- the region it was made under (GB/T 2260)
    person_id       varchar(64),
    as_of           date         not null,
    ruleset_version varchar(100) not null,
    input_digest    varchar(80)  not null,  -- sha256: of the canonical input (input/CanonicalJson)
    outcomes        text         not null,  -- JSON: per policy the outcome, its amounts and its criteria
    source          varchar(80),            -- the certification or sweep job it belongs to
    corrects        varchar(40),            -- the earlier decision this one corrects
    owed            text,                   -- JSON: what the correction changes in the amounts owed
    answer_digest   varchar(80),            -- sha256: of the answer, where the answer is kept
    input           text,
    answer          text,
    previous_hash   varchar(64)  not null,
    hash            varchar(64)  not null
);
create index decisions_by_person on decisions (person_id, seq);
create index decisions_by_source on decisions (source, seq);
create index decisions_by_time on decisions (made_at);

-- The end of the chain: one row, locked by each writer while it appends, so two services on one database
-- append one after the other.
create table register_head (
    id   int         not null primary key,
    seq  bigint      not null,
    hash varchar(64) not null
);
insert into register_head (id, seq, hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Every ruleset a decision was made under: its rules folder as a zip, as it was compiled.
create table rulesets (
    version      varchar(100) not null primary key,
    first_used   timestamp with time zone not null,
    files        int          not null,
    archive      bytea        not null
);

-- Population sweeps run by the service. Their uploads and results stay files under the data directory.
create table sweep_jobs (
    id              varchar(40)  not null primary key,
    status          varchar(20)  not null,
    as_of           date         not null,
    format          varchar(10)  not null,
    created         timestamp with time zone not null,
    started         timestamp with time zone,
    finished        timestamp with time zone,
    total           bigint,
    done            bigint       not null,
    ruleset_version varchar(100),
    reason          text,
    region          varchar(6)   not null,
    made_by         varchar(200)
);
create index sweep_jobs_by_created on sweep_jobs (created);
