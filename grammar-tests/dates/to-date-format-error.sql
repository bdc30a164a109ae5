-- error at 2:30
SELECT to_date('Jan 5 2023', 'Mon DD YYYY') AS d;
