-- Wrong passwords are counted per user name and client address: an attacker's failures lock the name only for
-- the attacker's address (and a flood blocks that address), never the user signing in from elsewhere.
delete from login_failure;
alter table login_failure add column client varchar(64) not null default '';
drop index login_failure_user;
create index login_failure_client on login_failure (client, failed_at);
