-- the regression suite's form: a constant text split in FROM, named by its alias
SELECT foo, length(foo) FROM regexp_split_to_table('the quick brown fox jumped over the lazy dog', '\s*') AS foo;
