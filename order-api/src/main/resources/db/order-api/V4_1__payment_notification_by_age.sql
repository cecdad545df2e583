-- Acknowledged notifications are kept only to recognise a gateway's resends (Alipay: 8 tries in 25 hours) and
-- replays; PaymentNotificationPurge deletes them by age once no resend can come.
ALTER TABLE payment_notification ADD KEY payment_notification_by_age (received_at);
