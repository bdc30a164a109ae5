SELECT _id, note, note = '$5 off' AS five_off, concat('$', '5') = '$5' AS t, '$' || note AS dd FROM orders WHERE _id < 112;
