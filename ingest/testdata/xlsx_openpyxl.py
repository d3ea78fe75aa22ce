# Writes xlsx_openpyxl.xlsx with openpyxl 3.0.9 (Debian python3-openpyxl), a
# workbook written by another library than the one ingest reads with, in the
# shape researchers send: French headers, a title row above the header, dates
# in several formats, numbers with floating-point noise, an empty sheet and
# empty rows. Run from ingest/testdata: /usr/bin/python3 xlsx_openpyxl.py
import datetime
import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Acteurs"
ws["A1"] = "Inventaire des partenaires (2024)"
ws.append([])
ws.append(["identifiant", "nom", "famille", "pays", "budget", "date d'adhésion"])
ws.append(["cd44", "Département de Loire-Atlantique", "collectivité", "FR", 0.1 + 0.2, datetime.date(2019, 3, 31)])
ws.append([])
ws.append(["asso1", "Jeunes de Thiès", "association", "SN", 1500, datetime.datetime(2021, 1, 2, 14, 30)])
ws.append(["ong2", "  Eau Vive  ", "ONG", None, 12.5, datetime.date(2022, 12, 1)])
ws["F4"].number_format = "dd/mm/yyyy"
ws["F6"].number_format = "yyyy-mm-dd hh:mm"
ws["F7"].number_format = "d mmmm yyyy"
ws["E7"].number_format = "0.00"

wb.create_sheet("Vide")

links = wb.create_sheet("Liens")
links.append(["source", "cible", "poids", "type"])
links.append(["cd44", "asso1", 2, "financement"])
links.append(["asso1", "ong2", None, "partenariat"])
wb.save("xlsx_openpyxl.xlsx")
