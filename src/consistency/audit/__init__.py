"""`consistency audit`: check a whole archive on a Dask cluster, into Parquet and a summary page.

Dask and pyarrow come with the `archive` extra (`pip install 'consistency[archive]'`); nothing
else in `consistency` imports this package.
"""
