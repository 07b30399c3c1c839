-- An application whose year has no riksnorm yet waits (status VANTAR_PA_RIKSNORM) instead of stopping with an
-- incident; the reason is shown to caseworkers. No personal data: e.g. "Riksnormen för 2027 är inte inlagd än".
alter table application add column waiting_reason varchar(300);
