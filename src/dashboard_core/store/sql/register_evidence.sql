-- The evidence register of the year: the documents behind the items judged by documents.
SELECT item, status, document, issuer, document_no, issued_on, department, reviewer, note
FROM evidence WHERE year = $year
ORDER BY item;
