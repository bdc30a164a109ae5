SELECT stddev(amount), stddev_samp(amount), stddev_pop(amount), variance(amount), var_samp(amount), var_pop(amount)
FROM orders;
