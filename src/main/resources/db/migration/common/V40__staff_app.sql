-- The staff web app's offline queue: an exchange logged on a phone without a network carries a key made on the
-- device; sent twice (the page and the service worker both retry), it is one exchange. A key is its author's.
create table web_exchange_submission (
    author            varchar(64)   not null,
    client_key        varchar(64)   not null,
    communication_id  bigint        not null,
    received_at       timestamp(6) with time zone not null,
    primary key (author, client_key)
);
