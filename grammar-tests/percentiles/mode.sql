SELECT mode() WITHIN GROUP (ORDER BY status) AS common_status, mode() WITHIN GROUP (ORDER BY quantity) AS common_qty FROM orders;
