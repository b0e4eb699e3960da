-- The browser's session (the staff web app's, which is also the Camunda webapps' login) in the database, so that
-- any node serves it and a user whose node died stays logged in (Spring Session JDBC, spring.session.jdbc.* in
-- application.yml; table name http_session). Spring Session's own schema-h2.sql with our table names; its
-- initializer is off (spring.session.jdbc.initialize-schema: never). The PostgreSQL twin of this file differs only
-- in the type of attribute_bytes.

create table http_session (
    primary_id            char(36)      not null,
    session_id            char(36)      not null,
    creation_time         bigint        not null,
    last_access_time      bigint        not null,
    max_inactive_interval int           not null,
    expiry_time           bigint        not null,
    principal_name        varchar(100),
    constraint http_session_pk primary key (primary_id)
);

create unique index http_session_ix1 on http_session (session_id);
create index http_session_ix2 on http_session (expiry_time);
create index http_session_ix3 on http_session (principal_name);

-- each attribute Java-serialized: the webapps' Authentications, the CSRF tokens, a request saved for after login
create table http_session_attributes (
    session_primary_id    char(36)      not null,
    attribute_name        varchar(200)  not null,
    attribute_bytes       longvarbinary not null,
    constraint http_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint http_session_attributes_fk foreign key (session_primary_id) references http_session (primary_id)
        on delete cascade
);
