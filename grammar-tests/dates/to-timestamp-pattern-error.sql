-- error at 3:41
-- a template pattern sqletl does not read (here the year with a comma) is refused at its position
SELECT to_timestamp('1,582nd VIII 21', 'Y,YYYth FMRM DD') AS ts;
