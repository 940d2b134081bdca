# Airflow image with newsetl installed from the same lock as the dev machines.
FROM apache/airflow:3.3.2-python3.11
COPY --chown=airflow:root . /opt/newsetl
WORKDIR /opt/newsetl
RUN pip install --no-cache-dir -c constraints.txt -e .
