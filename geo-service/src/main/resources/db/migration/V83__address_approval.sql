-- Doorplates get an approval state (#18): 'draft' (new, imported) or 'approved'. An approved doorplate changes only
-- through its workflow (AddressService: reopen by an ADMIN, change, approve again; or retire); a plain PUT that
-- changes it answers 409. The doorplates already here (demo and surveyed data) count as approved.
alter table address add column if not exists approval text not null default 'draft';
alter table address add column if not exists approved_by text;
alter table address add column if not exists approved_at timestamptz;
alter table address drop constraint if exists address_approval_check;
alter table address add constraint address_approval_check check (approval in ('draft', 'approved'));
update address set approval = 'approved', approved_at = coalesce(updated_at, created_at, now()) where approval = 'draft';
