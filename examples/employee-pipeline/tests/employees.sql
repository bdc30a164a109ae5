-- Data tests of the employee pipeline: run after the job,
--   sqletl run examples/employee-pipeline/job.sql --data examples/employee-pipeline/data --test examples/employee-pipeline/tests
-- or on their own,
--   sqletl test examples/employee-pipeline/tests --data examples/employee-pipeline/data
-- A test is a SELECT that returns the rows breaking a rule; it passes when it returns none.
-- The job's CREATE TABLE constraints (NOT NULL, UNIQUE, PRIMARY KEY) become tests of their own with --test.

-- test employees: accepted_values(worker_type: 'employee', 'contractor'), unique(email)
-- test employees: relationships(department -> department_aliases.department)

-- every employee has a positive salary
SELECT id, full_name, salary FROM employees WHERE salary <= 0;

-- nobody was hired after the job's reference date (2025-06-30)
SELECT id, hire_date FROM employees WHERE hire_date > DATE '2025-06-30';

-- the salary grade follows the salary
SELECT id, salary, salary_grade
FROM employees
WHERE salary_grade <> CASE WHEN salary >= 120000 THEN 'G4' WHEN salary >= 85000 THEN 'G3' WHEN salary >= 60000 THEN 'G2' ELSE 'G1' END;
