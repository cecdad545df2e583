-- A screening sells the layout version it was scheduled with (ScreeningScheduled's layoutVersion), not the hall's
-- newest: a layout published after it was scheduled is for later screenings. Screenings heard of before this
-- column existed take their hall's current version. NULL: a screening heard of only through its cancellation; it
-- sells nothing anyway, and one the allocator has not heard of at all sells the hall's newest.
ALTER TABLE allocator_screening ADD COLUMN layout_version INT NULL;

UPDATE allocator_screening s JOIN allocator_hall h ON h.hall_id = s.hall_id
SET s.layout_version = h.layout_version
WHERE s.layout_version IS NULL;
