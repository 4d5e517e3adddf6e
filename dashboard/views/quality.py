"""placeholder"""
import streamlit as st

st.title("quality")
