SELECT _id, profile.score * 2 AS doubled, profile.score + 1 AS plus_one, profile.score > 60 AS high FROM customers;
