# Airflow image with newsetl installed from the same lock as the dev machines.
FROM apache/airflow:3.3.2-python3.11
# A C compiler for the native build of the metric rules (make native; Airflow's documented way to
# add an apt package: as root, then back to the airflow user).
USER root
RUN apt-get update \
  && apt-get install -y --no-install-recommends gcc libc6-dev \
  && apt-get autoremove -yqq --purge && apt-get clean && rm -rf /var/lib/apt/lists/*
USER airflow
COPY --chown=airflow:root . /opt/newsetl
WORKDIR /opt/newsetl
# mypy (from the lock) brings mypyc; the build prints one line and leaves the rules pure Python when
# the image cannot compile them (devtools/build_native.py), so the image works either way.
RUN pip install --no-cache-dir -c constraints.txt -e . mypy \
  && python -m devtools.build_native
