-- A deal's owner and its task's assignee are told without following; a muted row says they asked not to be.
alter table subscription add column muted boolean default false not null;
