-- A person's objectives for one month, set by their manager: amount won, deals won, contacts made.
create table objective (
    user_id     varchar(64)   not null,
    period      varchar(7)    not null,
    amount_won  numeric(19, 2) not null,
    deals_won   integer       not null,
    contacts    integer       not null,
    set_by      varchar(64)   not null,
    set_at      timestamp(6) with time zone not null,
    primary key (user_id, period)
);
create index objective_period_idx on objective (period);

-- The forecast as it stood on a day (taken weekly by forecast-snapshot.bpmn), per month of expected close and per
-- team (team_id 0: everyone), so that a later report can say how close the forecast came to what was won.
create table forecast_snapshot (
    taken_on    date          not null,
    close_month varchar(7)    not null,
    team_id     bigint        not null,
    pipeline    numeric(19, 2) not null,
    weighted    numeric(19, 2) not null,
    primary key (taken_on, close_month, team_id)
);
create index forecast_snapshot_month_idx on forecast_snapshot (close_month, team_id, taken_on);
