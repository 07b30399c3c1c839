-- Where a client's assistance is paid: a Swedish bank account (clearing number + account number) or an IBAN,
-- and the account holder's name as the bank shows it. All optional: a payment to a client without an account
-- stays PLANERAD and is reported when the payment file is made (payment/PaymentFileService).
alter table client add column account_holder varchar(70);
alter table client add column bank_clearing varchar(5);
alter table client add column bank_account varchar(15);
alter table client add column iban varchar(34);
