-- The unit (enhet) that handles a client: one of the names of the setting stegvis.units.names. Key figures can be
-- restricted to a unit (docs/nyckeltal.md). Null for clients registered before units existed, or without one.
alter table client add column unit varchar(60);
create index client_unit on client (unit);
