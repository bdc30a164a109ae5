SELECT _id, email FROM customers WHERE email ~* 'EXAMPLE\.(COM|DE)$';
