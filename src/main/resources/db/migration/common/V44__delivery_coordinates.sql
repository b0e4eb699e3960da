-- Courier rounds (issue 20): a delivery may go to a site other than the customer's address (another of their
-- premises, a building site). Its own place, in WGS 84 degrees, both or neither; null: the customer's coordinates.

alter table delivery add column latitude double precision;
alter table delivery add column longitude double precision;
