-- Employee pipeline: a whole ETL job in SQL.
--
--   node bin/sqletl run examples/employee-pipeline/job.sql --data examples/employee-pipeline/data
--
-- Extract input/employees.csv (the HR system's export) and input/contractors.json
-- (the agencies' feed), normalise their many spellings, validate against a
-- constrained table (rows that break it go to employees__rejects, counted), keep the
-- latest record per id, enrich, upsert, export, report. Paths are relative to this
-- file. Re-running gives the same result: staging tables are rebuilt, the target is
-- upserted, this run's rejects replace the last run's.

-- 1. Extract: every field lands as text, exactly as the source wrote it.
DROP TABLE IF EXISTS raw_employees;
CREATE TABLE raw_employees (
  emp_id text, full_name text, email text, department text,
  salary text, active text, hire_date text, updated_at text
);
COPY raw_employees FROM 'input/employees.csv' WITH (FORMAT csv, HEADER true);

DROP TABLE IF EXISTS raw_contractors;
CREATE TABLE raw_contractors (
  id text, name text, email text, dept text, rate text,
  active text, start_date text, agency text, updated_at text
);
COPY raw_contractors FROM 'input/contractors.json' WITH (FORMAT 'json');

-- 2. Reference data: every spelling of a department seen in the sources.
DROP TABLE IF EXISTS department_aliases;
CREATE TABLE department_aliases (alias text PRIMARY KEY, department text NOT NULL);
INSERT INTO department_aliases (alias, department) VALUES
  ('eng', 'Engineering'), ('eng.', 'Engineering'), ('engineering', 'Engineering'), ('r&d', 'Engineering'),
  ('sales', 'Sales'), ('sls', 'Sales'),
  ('marketing', 'Marketing'), ('mktg', 'Marketing'),
  ('finance', 'Finance'), ('fin', 'Finance'), ('accounting', 'Finance'),
  ('hr', 'People'), ('human resources', 'People'), ('people', 'People'),
  ('ops', 'Operations'), ('operations', 'Operations'),
  ('support', 'Support'), ('customer support', 'Support'), ('cs', 'Support');

-- 3. Normalise both sources into one shape, then keep the latest record per id.
DROP TABLE IF EXISTS staged_people;
CREATE TABLE staged_people AS
WITH unioned AS (
  SELECT 'employee' AS worker_type, emp_id AS id_text, full_name AS name_text, email AS email_text,
         department AS dept_text, salary AS pay_text, active AS active_text, hire_date AS hired_text,
         updated_at AS updated_text
  FROM raw_employees
  UNION ALL
  SELECT 'contractor', id, name, email, dept, rate, active, start_date, updated_at
  FROM raw_contractors
),
normalised AS (
  SELECT
    CAST(TRIM(u.id_text) AS int)                                           AS id,
    NULLIF(INITCAP(REGEXP_REPLACE(TRIM(u.name_text), '\s+', ' ', 'g')), '') AS full_name,
    NULLIF(LOWER(TRIM(u.email_text)), '')                                  AS email,
    a.department                                                           AS department,
    u.worker_type,
    -- '$75,000', ' 75000 ', '75,000.50', '$ 82,500.00' → 75000, 75000, 75000.50, 82500.00
    CAST(NULLIF(REGEXP_REPLACE(u.pay_text, '[$,[:space:]]', '', 'g'), '') AS numeric(12, 2)) AS salary,
    CASE
      WHEN LOWER(TRIM(u.active_text)) IN ('yes', 'y', '1', 'true', 't') THEN true
      WHEN LOWER(TRIM(u.active_text)) IN ('no', 'n', '0', 'false', 'f') THEN false
    END                                                                    AS is_active,
    -- ISO dates, and the US format some exports use (M/D/YYYY)
    CASE
      WHEN u.hired_text ~ '^\d{4}-\d{2}-\d{2}$' THEN CAST(u.hired_text AS date)
      WHEN u.hired_text ~ '^\d{1,2}/\d{1,2}/\d{4}$' THEN TO_DATE(u.hired_text, 'MM/DD/YYYY')
    END                                                                    AS hire_date,
    CAST(u.updated_text AS timestamp)                                      AS updated_at
  FROM unioned u
  LEFT JOIN department_aliases a ON a.alias = LOWER(TRIM(u.dept_text))
),
ranked AS (
  SELECT n.*, ROW_NUMBER() OVER (PARTITION BY id ORDER BY updated_at DESC, worker_type) AS version
  FROM normalised n
)
SELECT id, full_name, email, department, worker_type, salary, is_active, hire_date, updated_at
FROM ranked
WHERE version = 1;

-- 4. The target: its constraints are the validation rules.
CREATE TABLE IF NOT EXISTS employees (
  id               int PRIMARY KEY,
  full_name        text NOT NULL,
  email            text NOT NULL UNIQUE CHECK (email LIKE '%_@_%._%'),
  department       text NOT NULL,
  worker_type      text NOT NULL CHECK (worker_type IN ('employee', 'contractor')),
  salary           numeric(12, 2) NOT NULL CHECK (salary > 0),
  is_active        boolean NOT NULL,
  hire_date        date NOT NULL,
  experience_years int NOT NULL CHECK (experience_years >= 0),
  salary_grade     text NOT NULL,
  updated_at       timestamp
);
DROP TABLE IF EXISTS employees__rejects;

-- 5. Enrich and load: experience as of a fixed date (never now(): a re-run must
--    give the same answer), a grade from the salary; upsert by id.
INSERT INTO employees (id, full_name, email, department, worker_type, salary, is_active,
                       hire_date, experience_years, salary_grade, updated_at)
SELECT
  id, full_name, email, department, worker_type, salary, is_active, hire_date,
  -- completed years: the year difference, minus one before the anniversary
  -- (PostgreSQL would also take EXTRACT(YEAR FROM AGE(…)); sqletl has no AGE yet)
  DATE_PART('year', DATE '2025-06-30') - DATE_PART('year', hire_date)
    - CASE WHEN TO_CHAR(hire_date, 'MM-DD') > '06-30' THEN 1 ELSE 0 END AS experience_years,
  CASE
    WHEN salary >= 120000 THEN 'G4'
    WHEN salary >= 85000  THEN 'G3'
    WHEN salary >= 60000  THEN 'G2'
    ELSE 'G1'
  END AS salary_grade,
  updated_at
FROM staged_people
ORDER BY id  -- of two ids sharing an address, the smaller keeps it: the other is a reject
ON CONFLICT (id) DO UPDATE SET
  full_name = EXCLUDED.full_name, email = EXCLUDED.email, department = EXCLUDED.department,
  worker_type = EXCLUDED.worker_type, salary = EXCLUDED.salary, is_active = EXCLUDED.is_active,
  hire_date = EXCLUDED.hire_date, experience_years = EXCLUDED.experience_years,
  salary_grade = EXCLUDED.salary_grade, updated_at = EXCLUDED.updated_at;

-- 6. Export. (salary as double precision: sqletl keeps numeric values as doubles and
--    does not pad them to the declared scale, where PostgreSQL prints 96500.00.)
COPY (
  SELECT id, full_name, email, department, worker_type,
         CAST(salary AS double precision) AS salary,
         is_active, hire_date, experience_years, salary_grade
  FROM employees
  ORDER BY id
) TO 'out/employees.csv' WITH (FORMAT csv, HEADER true);

COPY (
  SELECT department, COUNT(*) AS headcount, SUM(salary) AS payroll
  FROM employees
  WHERE is_active
  GROUP BY department
  ORDER BY department
) TO 'out/departments.json' WITH (FORMAT 'json');

-- 7. Reports.
-- Headcount and pay per department (active staff).
SELECT
  department,
  COUNT(*)                                                        AS headcount,
  COUNT(*) FILTER (WHERE worker_type = 'contractor')              AS contractors,
  ROUND(AVG(salary), 2)                                           AS avg_salary,
  PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY salary)             AS median_salary,
  PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY salary)             AS p90_salary,
  MIN(salary)                                                     AS min_salary,
  MAX(salary)                                                     AS max_salary,
  ROUND(AVG(experience_years), 1)                                 AS avg_experience
FROM employees
WHERE is_active
GROUP BY department
ORDER BY headcount DESC, department;

-- Salary grades across the company.
SELECT salary_grade, COUNT(*) AS people, MIN(salary) AS from_salary, MAX(salary) AS to_salary
FROM employees
GROUP BY salary_grade
ORDER BY salary_grade;

-- Experience bands.
SELECT
  CASE
    WHEN experience_years < 2  THEN '0-1 years'
    WHEN experience_years < 5  THEN '2-4 years'
    WHEN experience_years < 10 THEN '5-9 years'
    ELSE '10+ years'
  END                    AS experience,
  COUNT(*)               AS people,
  ROUND(AVG(salary), 2)  AS avg_salary
FROM employees
GROUP BY 1
ORDER BY MIN(experience_years);

-- Why rows were rejected.
SELECT reason, COUNT(*) AS rows
FROM employees__rejects, UNNEST(reasons) AS reason
GROUP BY reason
ORDER BY rows DESC, reason;
