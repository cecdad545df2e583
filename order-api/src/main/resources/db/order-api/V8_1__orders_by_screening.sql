-- A screening's live orders (holding or owning seats), which decide whether staff may still move it
-- (PATCH /api/screenings/{id}: screening-has-sales), read without scanning every order.
CREATE INDEX customer_order_by_screening ON customer_order (screening_id, status);
