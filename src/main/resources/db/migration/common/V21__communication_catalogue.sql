-- The catalogue of exchange types and statuses. CONTRACT.md's values are built in (relabelled, never retired);
-- an admin adds more through /api/communication-types and /api/communication-statuses.
-- communication.type and communication.status hold a code of this table.

create table communication_catalogue (
    kind        varchar(10)    not null,
    code        varchar(40)    not null,
    label       varchar(100)   not null,
    -- statuses only: what the status means for the planned-versus-done report
    outcome     varchar(10),
    active      boolean        not null default true,
    built_in    boolean        not null default false,
    position    integer        not null,
    primary key (kind, code),
    constraint communication_catalogue_kind check (kind in ('TYPE', 'STATUS')),
    constraint communication_catalogue_outcome check (
        (kind = 'TYPE' and outcome is null)
        or (kind = 'STATUS' and outcome in ('OPEN', 'DONE', 'CANCELLED')))
);

insert into communication_catalogue (kind, code, label, outcome, built_in, position) values
    ('TYPE', 'CALL', 'Call', null, true, 10),
    ('TYPE', 'LETTER', 'Letter', null, true, 20),
    ('TYPE', 'NOTE', 'Note', null, true, 30),
    ('TYPE', 'MEETING', 'Meeting', null, true, 40),
    ('TYPE', 'REPORT', 'Report', null, true, 50),
    ('TYPE', 'TODO', 'To do', null, true, 60),
    ('TYPE', 'EMAIL', 'E-mail', null, true, 70),
    ('TYPE', 'SMS', 'SMS', null, true, 80),
    ('STATUS', 'PLANNED', 'Planned', 'OPEN', true, 10),
    ('STATUS', 'IN_PROGRESS', 'In progress', 'OPEN', true, 20),
    ('STATUS', 'DONE', 'Done', 'DONE', true, 30),
    ('STATUS', 'CANCELLED', 'Cancelled', 'CANCELLED', true, 40);
