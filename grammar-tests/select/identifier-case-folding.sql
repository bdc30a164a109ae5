-- unquoted identifiers fold to lower case, output names too
SELECT FIRST_NAME, Tier, C._ID FROM CUSTOMERS AS c WHERE _Id < 4;
