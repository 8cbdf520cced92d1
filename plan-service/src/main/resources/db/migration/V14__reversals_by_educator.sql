-- A plan's evaluation reads its teacher's facts from the plan's start on, and every reversal whenever it happened (a
-- reversal takes out the fact it names, which may lie after the start): this finds the reversals without reading the
-- teacher's whole history.
create index educator_fact_reversals on educator_fact (educator_id) where kind = 'REVERSAL';
