-- no-schema
SELECT _id, dims.w * dims.h AS area, dims.unit FROM products WHERE dims.unit = 'cm';
