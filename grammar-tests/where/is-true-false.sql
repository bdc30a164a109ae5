SELECT _id, active FROM products WHERE active IS NOT TRUE;
