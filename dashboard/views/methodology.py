"""Про дані / Methodology: what every figure means, where the data come from, and their licences."""
import streamlit as st

from dashboard.i18n import lang, t
from dashboard.texts import METHODOLOGY

st.title(t("page_methodology"))
st.markdown(METHODOLOGY[lang()])
