-- The customer categories become a catalogue the company keeps (/api/customer-categories). The five values the
-- service had are its built-ins (relabelled, never retired); every customer keeps the category it has.
create table customer_category (
    code        varchar(40)    primary key,
    label       varchar(100)   not null,
    active      boolean        not null default true,
    built_in    boolean        not null default false,
    position    integer        not null
);

insert into customer_category (code, label, built_in, position) values
    ('PROSPECT', 'Prospect', true, 10),
    ('CUSTOMER', 'Customer', true, 20),
    ('KEY_ACCOUNT', 'Key account', true, 30),
    ('PARTNER', 'Partner', true, 40),
    ('INACTIVE', 'Inactive', true, 50);

-- a customer's category is always one of the catalogue's codes (a retired one included)
alter table customer add constraint customer_category_fk foreign key (category) references customer_category (code);
