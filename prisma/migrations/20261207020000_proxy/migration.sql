-- Proxy booking (代理予約): a manager or staff member books for a resident who phoned or came to
-- the counter. Such a resident may have no email (they cannot sign in and are sent no mail), and
-- residents have a furigana, stored normalised to hiragana for searching.
ALTER TABLE "User"
    ALTER COLUMN "email" DROP NOT NULL,
    ADD COLUMN "kana" TEXT NOT NULL DEFAULT '';
-- staff and managers sign in with their email; only a resident may be without one
ALTER TABLE "User" ADD CONSTRAINT "User_email_or_resident_check" CHECK ("email" IS NOT NULL OR "role" = 'RESIDENT');

ALTER TABLE "Application" ADD COLUMN "proxyById" TEXT;
-- the one who books for a resident is never the applicant themselves
ALTER TABLE "Application" ADD CONSTRAINT "Application_proxy_not_applicant_check" CHECK ("proxyById" IS NULL OR "proxyById" <> "userId");
ALTER TABLE "Application" ADD CONSTRAINT "Application_proxyById_fkey" FOREIGN KEY ("proxyById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
