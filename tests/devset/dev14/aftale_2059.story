@header Aftale om kommunernes økonomi for 2059
@footer Regeringen og KL · 4. juni 2058 · side {page}
# Aftale om kommunernes
# økonomi for 2059

4. juni 2058

## 1. Sammenfatning

Regeringen og KL har i dag indgået aftale om kommunernes økonomi for 2059. Aftalen giver kommunerne mulighed for at følge med den stigende efterspørgsel efter pleje og omsorg og fastholder samtidig et højt niveau for investeringerne i skoler, plejeboliger og klimasikring.

- Servicerammen for 2059 udgør 865,0 mia. kr.
- Udgangspunktet løftes med 3,2 mia. kr. til den borgernære velfærd.
- Bruttoanlæggene udgør 51,0 mia. kr.
- Bloktilskuddet for 2058 midtvejsreguleres med 1,6 mia. kr.
- Grundbidraget til regionerne udgør 282 kr. pr. indbygger.
Parterne er enige om, at kommunerne under ét ikke forhøjer skatten i 2059, og at aftalen skal følges tæt i budgetlægningen hen over sommeren.

## 2. Rammerne for 2059

### Serviceudgifter

Udgangspunktet er servicerammen for 2058 på 838,9 mia. kr., som i 2059-pris- og lønniveau svarer til 861,6 mia. kr. Regeringen og KL er enige om at løfte rammen med 3,2 mia. kr. Efter regulering for DUT mv. på 0,2 mia. kr. udgør servicerammen for 2059 herefter 865,0 mia. kr.¹ Over perioden 2059-2062 indebærer den flerårige velfærdsplan et løft på i alt 13,6 mia. kr.

Af bloktilskuddet for 2059 er 3,0 mia. kr. betinget af, at kommunernes budgetterede serviceudgifter under ét ikke overstiger servicerammen. Anlægsbudgetterne er i 2059 ikke omfattet af en betingelse.

### Anlæg

Kommunernes bruttoanlægsudgifter kan i 2059 udgøre 51,0 mia. kr., mod 50,2 mia. kr. i 2058. Heraf forventes 1,5 mia. kr. anvendt til kystbeskyttelse. Medregnes de kommunale forsyningsselskaber, udgør det samlede investeringsniveau 63,4 mia. kr.

### Den kommunale balance

Tabel 1 sammenfatter kommunernes udgifter og indtægter i 2059. Til sammenligning er aftalen for 2058 vist i 2059-pris- og lønniveau.

**Tabel 1. Kommunernes økonomi i 2059 (mio. kr.)**

[tabel]
| Mio. kr. | Aftale 2058 (2059-pl) | Aftale 2059 |
| Serviceudgifter | 861.600 | 865.000¹ |
| Aktivitetsbestemt medfinansiering | 61.700 | 61.800 |
| Overførsler | 181.200 | 181.300 |
| Forsikrede ledige | 38.800 | 38.600 |
| Bruttoanlæg | 51.600 | 51.000 |
| Øvrige udgifter | 2.300 | 2.400 |
| **Udgifter i alt** | **1.197.200** | **1.200.100** |
| Skatteindtægter | -956.600 | -958.200 |
| Bloktilskud | -202.600 | -204.900 |
| heraf betinget bloktilskud | -4.100 | -3.000 |
| Beskæftigelsestilskud | -38.800 | -38.600 |
| Øvrige indtægter | -15.500 | -15.700 |
| **Indtægter i alt** | **-1.213.500** | **-1.217.400** |
[/tabel]

Anm.: Indtægter har negativt fortegn.

¹ Servicerammen er ekskl. ældrecheck og aktivitetsbestemt medfinansiering. Hertil kommer senere reguleringer som følge af DUT mv.

[side]

## 3. Pris- og lønudvikling, regulering og tilskud

### Pris- og lønskøn

De samlede kommunale udgifter inkl. overførsler fremskrives fra 2058 til 2059 med 2,5 pct. For serviceudgifterne er pris- og lønskønnet 2,7 pct. og for anlægsudgifterne 2,3 pct. Satsreguleringsprocenten for 2059 udgør 3,1 pct.

### Midtvejsregulering

Bloktilskuddet for 2058 midtvejsreguleres med 1,6 mia. kr., hvoraf 0,3 mia. kr. vedrører DUT-sager. Reguleringen følger efter sidste års nedregulering af bloktilskuddet for 2057 med ÷1,2 mia. kr.

### Grundbidrag

Grundbidraget til regionerne for 2058 på 275 kr. pr. indbygger fremskrives til 282 kr. pr. indbygger i 2059. Der er anvendt et regionalt pris- og lønskøn på 2,6 pct.

### Finansieringstilskud

Der ydes i 2059 et ekstraordinært finansieringstilskud på 5,0 mia. kr. Heraf fordeles 2,5 mia. kr.² efter kommunernes grundlæggende økonomiske vilkår og resten efter indbyggertal. For 2060 er parterne enige om at drøfte et tilskud i størrelsesordenen 3,0 mia. kr.

### Skat

Der afsættes en ramme på 500 mio. kr. til kommuner, der ønsker at nedsætte skatten og opnå tilskud herfor. Tilskuddet gives som en aftrappet andel af provenutabet, jf. tabel 2. Kommunerne under ét må ikke forhøje skatten i 2059.

**Tabel 2. Tilskud til skattenedsættelser**

[tabel]
| | 2059 | 2060 | 2061 | 2062 |
| Andel af provenutab, pct. | 75 | 75 | 50 | 25 |
[/tabel]

² Fordelingen sker efter samme kriterier som i 2058.

[boks Boks 1. Regionernes økonomi i 2059]
Regeringen og Danske Regioner har fastsat regionernes sundhedsudgifter til 229,9 mia. kr. og regionernes anlægsramme til 6,1 mia. kr. i 2059. Kommunernes udviklingsbidrag til regionerne udgør 147 kr. pr. indbygger.
[/boks]

## 4. Øvrige emner

Regeringen og KL er enige om at forenkle reglerne for kommunernes dokumentation på ældreområdet og evaluere indsatsen i 2061. Parterne følger desuden udviklingen i det specialiserede socialområde, hvor udgifterne er steget med 4,2 pct. i 2057.
