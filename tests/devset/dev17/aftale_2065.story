@header Regeringen og KL · Aftale om kommunernes økonomi for 2065
@footer Side {page}
# Aftale om kommunernes økonomi
# for 2065
Indgået mellem regeringen og KL den 11. juni 2064

[boks Aftalen i tal]
**Serviceramme 2065:** 626,4 mia. kr.

**Løft af udgangspunktet:** 3,6 mia. kr.

**Bruttoanlæg:** 44,1 mia. kr.

**Betinget bloktilskud:** 4,0 mia. kr. (3,0 service / 1,0 anlæg)

**Midtvejsregulering 2064:** 2,4 mia. kr.

**PL-skøn, serviceudgifter 2064-2065:** 3,0 pct.
[/boks]

## 1. Indledning

Kommunerne skal i de kommende år håndtere flere ældre borgere, stigende udgifter på det specialiserede socialområde og et stort behov for at vedligeholde bygninger og veje. Regeringen og KL er enige om, at den kommunale økonomi i 2065 skal give plads til at møde disse behov, samtidig med at den samlede offentlige økonomi holdes på et holdbart spor.

Aftalen sikrer kommunerne et løft af servicen, et anlægsniveau, der kan bære de nødvendige investeringer, og en fortsat tæt styring af, at budgetterne holder sig inden for de aftalte rammer.

## 2. Rammerne for 2065

### Service

Sidste års aftale fastlagde kommunernes serviceudgifter i 2064 til 604,7 mia. kr. Ført frem til pris- og lønniveauet for 2065 svarer det til 622,8 mia. kr. Parterne er enige om at hæve dette udgangspunkt med 3,6 mia. kr., så den aftalte ramme for kommunernes serviceudgifter i 2065 bliver på 626,4 mia. kr. Beløbet vil blive tilpasset efter DUT-princippet og lignende tekniske korrektioner.

Løftet skal blandt andet ses i lyset af, at flere ældre over 80 år alene øger udgiftsbehovet med ca. 2,3 mia. kr. Over perioden 2065-2068 forventes den samlede vækst i serviceudgifterne at udgøre 11,5 mia. kr.

### Investeringer

Kommunernes bruttoanlægsudgifter (ekskl. ældreboliger) fastsættes til 44,1 mia. kr. i 2065. Det svarer til en stigning på 0,7 mia. kr. i forhold til 2064-niveauet på 43,4 mia. kr. i 2065-priser. Regionernes anlægsloft er i regionsaftalen fastsat til 6,2 mia. kr.

### Betinget bloktilskud

Af bloktilskuddet for 2065 er 4,0 mia. kr. kun sikret, hvis kommunernes budgetter under ét overholder aftalen. Heraf vedrører 3,0 mia. kr. overholdelse af servicerammen, og 1,0 mia. kr. vedrører overholdelse af niveauet for bruttoanlæg. Regeringen vil i januar 2065 gøre status over budgetterne.

[side]

## 3. Den samlede økonomi

Tabel 1 opsummerer de udgifter og indtægter, aftalen bygger på. Sidste års aftale er vist i 2065-priser til sammenligning, og den sidste kolonne viser ændringen.

**Tabel 1. Kommunernes økonomi 2064-2065, mia. kr. (2065-pl)**

[tabel]
| | Aftale 2064 (2065-pl) | Aftale 2065 | Ændring |
| Serviceudgifter | 622,8 | 626,4 | 3,6 |
| Aktivitetsbestemt medfinansiering | 49,7 | 49,6 | -0,1 |
| Overførsler inkl. forsikrede ledige | 237,5 | 236,2 | -1,3 |
| Bruttoanlæg | 43,4 | 44,1 | 0,7 |
| Øvrige udgifter | 2,4 | 2,4 | 0,0 |
| **Udgifter i alt** | **955,8** | **958,7** | **2,9** |
| Skatteindtægter | -726,7 | -734,5 | -7,8 |
| Bloktilskud mv. | -193,9 | -198,3 | -4,4 |
| Heraf betinget bloktilskud | -4,0 | -4,0 | 0,0 |
| Beskæftigelsestilskud | -30,2 | -30,1 | 0,1 |
| Øvrige indtægter | -13,9 | -13,2 | 0,7 |
| **Indtægter i alt** | **-964,7** | **-976,1** | **-11,4** |
[/tabel]

Anm.: Negativt fortegn angiver indtægter. Afrunding kan give små afvigelser.

[boks Boks 1. Øvrige forudsætninger]
### Pris- og lønudvikling

Bloktilskuddet reguleres ud fra en forventet pris- og lønstigning på 2,8 pct. fra 2064 til 2065 for kommunernes samlede udgifter inkl. overførsler. Skønnet for serviceudgifterne udgør 3,0 pct. og skønnet for anlægsudgifterne 2,2 pct.

### Regulering midt i året

Parterne har gennemgået forudsætningerne for 2064 og er enige om at tilføre kommunerne yderligere 2,4 mia. kr. i bloktilskud for 2064 som midtvejsregulering. Reguleringen skyldes især en højere lønstigning end lagt til grund i aftalen. I 2063 udgjorde midtvejsreguleringen 1,9 mia. kr.
[/boks]

## 4. Bidrag, tilskud og skat

### Grundbidrag til regionerne

Det kommunale grundbidrag til regionerne på udviklingsområdet blev for 2064 fastsat med udgangspunkt i 238 kr. pr. indbygger. Når beløbet fremskrives med et regionalt pris- og lønskøn på 2,9 pct. fra 2064 til 2065, bliver udgangspunktet for 2065 245 kr. pr. indbygger.

### Skatteudskrivningen

Kommunernes samlede skat skal være uændret i 2065. For at understøtte det afsættes en tilskudsordning til kommuner, der sætter skatten ned, inden for en samlet provenuramme på 450 mio. kr. Tilskuddet udgør 75 pct. af provenutabet i 2065, 60 pct. i 2066, 40 pct. i 2067 og 20 pct. i 2068.

Samtidig kan der inden for en ramme på 450 mio. kr. ske skatteforhøjelser i enkelte kommuner uden kollektiv sanktion. Derudover udvides rammen for skattenedsættelser med op til 25 mio. kr. i 2065 for at modvirke den overudligning, der kan opstå, når kommuner med tab fra udligningsreformen hæver skatten.

### Finansieringstilskud

Ligesom i 2064 ydes et ekstraordinært finansieringstilskud på 3,5 mia. kr. Af beløbet fordeles 1,5 mia. kr. efter de grundlæggende økonomiske vilkår, og resten målrettes kommuner med særlige udfordringer. Tilskuddet er på et tilsvarende niveau som i 2064.

## 5. Fælles arbejde

Regeringen og KL følger op på målet om at flytte 1,2 mia. kr. fra administration til velfærd frem mod 2068. Status efter første år viser, at ca. 0,4 mia. kr. er frigjort. Parterne vil desuden undersøge mulighederne for en mere enkel styring af det specialiserede socialområde, hvor udgifterne er steget med 4,1 pct. om året siden 2060.
