-- ordered
-- WHERE on a stored real column: the filter reads the singles
SELECT _id FROM singles WHERE r = '324.78' OR r = 99.097::real OR r <= -7.3 OR r = 1.1000000001::real ORDER BY _id;
