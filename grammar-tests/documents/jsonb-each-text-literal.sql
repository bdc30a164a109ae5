-- numbers, booleans, strings and JSON null as jsonb_each_text prints them
SELECT key, value FROM jsonb_each_text('{"i": 42, "d": 12.5, "neg": -0.25, "t": true, "f": false, "s": "x \"q\"", "n": null, "e": ""}');
