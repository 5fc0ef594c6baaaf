"""The PostgreSQL backend: many partnerships (LAGs) in one database, each seeing only its own rows.

* :mod:`storage.postgres.schema`  the tables (from the data contract), roles and row-level security
* :mod:`storage.postgres.url`     ``postgresql://…?lag=CODE``: where a data source is a database

No Streamlit here; psycopg 3 is imported only by the modules that connect.
"""
