SELECT 'true'::boolean, 'f'::bool, 'yes'::boolean, 'off'::boolean, CAST('1' AS boolean), 1::boolean, 0::boolean, ' TRUE '::boolean;
